import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";
import { downloadableCertificate } from "@/lib/documents/certificate-access";
import { issuedPdf } from "@/lib/documents/pdf-certificate";
import { certificatePdfInput } from "@/app/_certificates/content";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * An issued certificate as a signed PDF (PAdES; its QR carries the signed certificate), for the
 * citizen it was issued to and the staff of its case. A revoked one is not handed out again.
 */
export const GET = edge({}, async (_req: Request, ctx: RouteContext<"/api/certificates/[reference]">) => {
  const { reference } = await ctx.params;
  const actor = await requireActor();
  const found = await downloadableCertificate({ reference, viewer: actor, now: await now() });
  if (!found) throw new AppError("notFound");
  const pdf = await issuedPdf(await certificatePdfInput(found.doc), { signingTime: await now() });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="certificate-${found.reference}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
