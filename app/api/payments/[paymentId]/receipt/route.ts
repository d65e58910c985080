import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { edge } from "@/lib/http/edge";
import { defaultLocale, direction, isLocale } from "@/lib/i18n/routing";
import { now } from "@/lib/clock";
import { issuedPdf } from "@/lib/documents/pdf-certificate";
import { getPayment } from "@/lib/payments/queries";
import { paymentsWithBillers } from "@/app/_payments/wiring";
import { receiptContent } from "@/app/_payments/receipt-content";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The receipt as a signed PDF (PAdES), for its owner only; its QR carries the signed receipt for the offline check. */
export const GET = edge({}, async (req: Request, ctx: RouteContext<"/api/payments/[paymentId]/receipt">) => {
  const { paymentId } = await ctx.params;
  const asked = new URL(req.url).searchParams.get("locale") ?? "";
  const locale = isLocale(asked) ? asked : defaultLocale;
  const actor = await requireActor({ roles: ["citizen"] });
  const payment = await getPayment({ deps: await paymentsWithBillers(), userId: actor.userId, paymentId });
  if (!payment.receiptCode) throw new AppError("notFound");
  const r = await receiptContent(locale, { ...payment, receiptCode: payment.receiptCode });
  const pdf = await issuedPdf(
    {
    dir: direction(locale),
    lang: locale,
    title: r.title,
    subtitle: r.subtitle,
    sections: [{ rows: r.head }, ...r.bills.map((b) => ({ heading: b.heading, rows: b.rows })), { rows: r.totals }],
    verification: { url: r.verification.url, qr: r.verification.qr, code: r.verification.code, heading: r.verification.heading, text: r.verification.text },
    footer: [r.footer],
    },
    { signingTime: await now() },
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="receipt-${payment.reference}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
