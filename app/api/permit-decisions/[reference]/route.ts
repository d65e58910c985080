import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";
import { downloadablePermitDecision } from "@/lib/documents/permit-decision-access";
import { issuedPdf } from "@/lib/documents/pdf-certificate";
import { isLocale } from "@/lib/i18n/routing";
import { permitDecisionPdfInput } from "@/app/_permits/content";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * A building permit's decision as a signed PDF (PAdES), for the applicant and the staff of the
 * municipality. `?lang=ar-TN|fr-TN|en-TN` picks its language.
 */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/permit-decisions/[reference]">) => {
  const { reference } = await ctx.params;
  const actor = await requireActor();
  const found = await downloadablePermitDecision({ reference, viewer: actor, now: await now() });
  if (!found) throw new AppError("notFound");
  const lang = new URL(req.url).searchParams.get("lang");
  const locale = lang && isLocale(lang) ? lang : actor.locale;
  const pdf = await issuedPdf(await permitDecisionPdfInput(found.doc, locale), { signingTime: await now() });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="permit-decision-${found.reference}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
