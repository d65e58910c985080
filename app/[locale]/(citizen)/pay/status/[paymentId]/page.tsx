import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { formatMoney, formatPhone } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { refreshPayment } from "@/lib/payments/queries";
import { paymentsWithBillers } from "@/app/_payments/wiring";
import { billLineLabels } from "@/app/_payments/bill-labels";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { Form } from "@/components/forms/form";
import { Submit } from "@/components/forms/fields";
import { BillLines } from "@/components/payments/bill-lines";
import { PaymentLive } from "@/components/payments/payment-live";
import { checkNowAction } from "../../actions";
import { autoRun, ltrRun } from "@/lib/i18n/bidi";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Pay.wait.title");

/**
 * Where a payment stands, asked of D17 each time the page is shown: a citizen who closed the
 * page and comes back sees how it ended. Paid goes to the receipt.
 */
export default async function PaymentStatusPage({ params }: PageProps<"/[locale]/pay/status/[paymentId]">) {
  const locale = await pageLocale(params);
  const { paymentId } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/pay/status/${paymentId}`), { roles: ["citizen"] });
  const deps = await paymentsWithBillers();
  const payment = await refreshPayment({ deps, userId: actor.userId, paymentId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "notFound") notFound();
    throw e;
  });
  if (payment.state === "paid") redirect(localePath(locale, `/pay/receipt/${payment.id}`));

  const t = await getTranslations({ locale, namespace: "Pay" });
  const tu = await getTranslations({ locale, namespace: "Ui" });
  const total = formatMoney(payment.totalMillimes, locale);
  const crumbs = <Breadcrumbs label={tu("breadcrumbs")} items={[{ href: localePath(locale, "/pay"), text: t("title") }, { text: payment.reference }]} />;
  const reference = (
    <p className="mb-6">
      {t.rich("wait.referenceLine", { reference: payment.reference, ref: (chunks) => <bdi className="font-bold">{chunks}</bdi> })}
    </p>
  );

  if (payment.state === "declined" || payment.state === "expired" || payment.state === "refunded") {
    const reason = payment.state === "refunded" ? null : (payment.reason ?? (payment.state === "expired" ? "expired" : "refusedByPayer"));
    return (
      <>
        {crumbs}
        <h1 className="mb-4 text-3xl font-bold">{reason ? t(`reasons.${reason}`) : t("states.refunded")}</h1>
        <div className="mb-6 border-s-8 border-danger bg-canvas p-4 text-lg">
          <p className="font-bold">{reason ? t("noMoneyTaken") : t("refundedText")}</p>
          {reason ? <p>{t(`advice.${reason}`)}</p> : null}
        </div>
        {reference}
        {payment.checkoutId && reason ? <LinkButton href={localePath(locale, `/pay/check/${payment.checkoutId}`)}>{t("retry")}</LinkButton> : null}
      </>
    );
  }

  // created or pending: waiting for the payer.
  const e = env();
  return (
    <>
      {crumbs}
      <h1 className="mb-4 text-3xl font-bold">{payment.state === "created" ? t("wait.sending") : t("wait.title")}</h1>
      <ExplainThisPage locale={locale} step="pay.status" />
      {/* "created": D17 does not have the request yet (it is sent again while this page is open),
          so no "do not pay again" and no countdown: the time to approve starts when D17 has it. */}
      {payment.state === "created" && payment.gatewayUnreachable ? (
        <NotificationBanner title={tu("important")} tone="warning">
          <p>{t("wait.notSentYet")}</p>
        </NotificationBanner>
      ) : payment.gatewayUnreachable ? (
        <NotificationBanner title={tu("important")} tone="warning">
          <p>{t("wait.unreachable")}</p>
        </NotificationBanner>
      ) : null}
      <ol className="mb-6 flex list-decimal flex-col gap-2 ps-6 text-lg">
        {/* A number inside Arabic text is one left-to-right run («+216 98 123 456», never «456 123 98 216+»). */}
        <li>{t("wait.stepOpen", { phone: ltrRun(formatPhone(payment.payerPhone)) })}</li>
        <li>{t("wait.stepFind", { amount: autoRun(total) })}</li>
        <li>{t("wait.stepApprove")}</li>
      </ol>
      <PaymentLive
        statusUrl={`/api/payments/${payment.id}/status`}
        expiresAt={payment.expiresAt.toISOString()}
        serverNow={(await now()).toISOString()}
        initialState={payment.state}
        countdown={payment.state === "pending"}
        labels={{ timeLeft: t("wait.timeLeft"), status: t("wait.status"), states: { created: t("states.created"), pending: t("states.pending"), paid: t("states.paid"), declined: t("states.declined"), expired: t("states.expired"), refunded: t("states.refunded") } }}
      />
      {reference}
      <Form action={checkNowAction} hidden={{ paymentId: payment.id }} className="mb-6">
        <Submit variant="secondary">{t("wait.checkNow")}</Submit>
      </Form>
      <p className="mb-6 text-muted">{t("wait.closeSafe")}</p>
      {e.DEMO_MODE ? (
        <p className="mb-6">
          <a className="link inline-flex min-h-11 items-center" href={`${e.D17_API_URL}/app?phone=${encodeURIComponent(payment.payerPhone)}`} target="_blank" rel="noopener">
            {t("wait.demoSimulator")}
          </a>
        </p>
      ) : null}
      <h2 className="mb-3 text-2xl font-bold">{t("check.bills")}</h2>
      <BillLines locale={locale} lines={payment.items} labels={await billLineLabels(locale)} />
    </>
  );
}
