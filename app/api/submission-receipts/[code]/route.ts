import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";
import { downloadableReceipt } from "@/lib/documents/scanned-submissions";
import { issuedPdf } from "@/lib/documents/pdf-certificate";
import { isLocale } from "@/lib/i18n/routing";
import { submissionReceiptPdfInput } from "@/app/_submissions/content";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * A scanned submission's receipt as a signed PDF (PAdES; its QR carries the signed receipt), for
 * the citizen of the case and the staff of its body. `?lang=ar-TN|fr-TN` picks its language.
 */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/submission-receipts/[code]">) => {
  const { code } = await ctx.params;
  const actor = await requireActor();
  const found = await downloadableReceipt({ code, viewer: actor, now: await now() });
  if (!found) throw new AppError("notFound");
  const lang = new URL(req.url).searchParams.get("lang");
  const locale = lang && isLocale(lang) ? lang : actor.locale;
  const pdf = await issuedPdf(await submissionReceiptPdfInput(found, locale), { signingTime: await now() });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="receipt-${found.data.reference}-${found.data.addition}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
