import Link from "next/link";
import { RateService } from "@/components/statistics/rate-service";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { qrSvg } from "@/lib/documents/qr";
import { getPayment } from "@/lib/payments/queries";
import { paymentsWithBillers } from "@/app/_payments/wiring";
import { receiptContent, type ReceiptRow } from "@/app/_payments/receipt-content";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/payments/print-button";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { sendReceiptSmsAction } from "@/app/_payments/receipt-sms";
import { Ltr } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Receipt.title");

function Rows({ rows }: { rows: ReceiptRow[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,max-content)_1fr]">
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="text-muted">{r.label}</dt>
          <dd className="mb-2 font-semibold sm:mb-0">{r.ltr ? <Ltr nowrap>{r.value}</Ltr> : r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The confirmation page: the receipt itself, printable at the kiosk, with its PDF. */
export default async function ReceiptPage({ params }: PageProps<"/[locale]/pay/receipt/[paymentId]">) {
  const locale = await pageLocale(params);
  const { paymentId } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/pay/receipt/${paymentId}`), { roles: ["citizen"] });
  const payment = await getPayment({ deps: await paymentsWithBillers(), userId: actor.userId, paymentId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "notFound") notFound();
    throw e;
  });
  if (!payment.receiptCode) redirect(localePath(locale, `/pay/status/${payment.id}`));
  const t = await getTranslations({ locale, namespace: "Receipt" });
  const sms = await getTranslations({ locale, namespace: "ReceiptSms" });
  const r = await receiptContent(locale, { ...payment, receiptCode: payment.receiptCode });
  const qr = await qrSvg(r.verification.qr);
  const dc = await getTranslations({ locale, namespace: "DocumentCheck" });
  return (
    <article aria-labelledby="receipt-title">
      <div className="mb-8 bg-success p-6 text-center text-white print:border-4 print:border-success print:text-ink" role="status">
        <p className="text-xl">{t("done")}</p>
        <h1 id="receipt-title" className="mb-2 text-3xl font-bold">
          {r.title}
        </h1>
        <p className="text-lg">
          {t("reference")}
          <br />
          <bdi className="text-2xl font-bold" data-testid="payment-reference" data-print-large>
            {payment.reference}
          </bdi>
        </p>
      </div>
      <div className="print:hidden">
        <ExplainThisPage locale={locale} step="pay.receipt" />
      </div>
      <section className="mb-6">
        <Rows rows={r.head} />
      </section>
      {r.bills.map((b, i) => (
        <section key={i} className="mb-6 border-s-4 border-line ps-4">
          <h2 className="mb-2 text-xl font-bold">{b.heading}</h2>
          <Rows rows={b.rows} />
        </section>
      ))}
      <section className="mb-8 border-y-2 border-ink py-3 text-lg">
        <Rows rows={r.totals} />
      </section>
      <section aria-labelledby="verify-heading" className="mb-8 flex flex-wrap items-start gap-6 border-2 border-line p-4">
        <div className="size-40 shrink-0" data-print-qr role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qr }} />
        <div className="min-w-0 flex-1">
          <h2 id="verify-heading" className="mb-1 text-xl font-bold">
            {r.verification.heading}
          </h2>
          <p className="mb-2 text-2xl font-bold tracking-wide">
            <Ltr className="break-anywhere"><span data-testid="verification-code">{r.verification.code}</span></Ltr>
          </p>
          <p className="mb-1">{r.verification.text}</p>
          <p className="break-all">
            <Link className="link" href={localePath(locale, `/verify/${r.verification.code}`)}>
              <Ltr>{r.verification.url}</Ltr>
            </Link>
          </p>
          <details className="mt-3 print:hidden">
            <summary className="cursor-pointer font-semibold">{dc("offlineCode")}</summary>
            <p className="mt-2 mb-1 text-sm">{dc("offlineCodeHint")}</p>
            <p className="break-all font-mono text-sm">
              <Ltr>
                <span data-testid="offline-code">{r.verification.token}</span>
              </Ltr>
            </p>
          </details>
        </div>
      </section>
      <RateService locale={locale} subject="payment" subjectId={payment.id} userId={actor.userId} />
      <div className="flex flex-wrap gap-4 print:hidden">
        <a className={buttonClass("primary")} href={`/api/payments/${payment.id}/receipt?locale=${locale}`} download>
          {t("download")}
        </a>
        <PrintButton label={t("print")} />
        {/* "Send the receipt to my phone": a plain form, it works without JavaScript. */}
        <Form action={sendReceiptSmsAction} id="receipt-sms" hidden={{ paymentId: payment.id }} success={sms("sent")} className="print:hidden">
          <Submit variant="secondary">{sms("send")}</Submit>
        </Form>
        <Link className={buttonClass("quiet")} href={localePath(locale, "/pay")}>
          {t("payAnother")}
        </Link>
      </div>
      <p className="mt-8 text-sm text-muted">{r.footer}</p>
    </article>
  );
}
