import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { formatMoney, formatPhone } from "@/lib/i18n/format";
import { autoRun, ltrRun } from "@/lib/i18n/bidi";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { practicePayment } from "@/lib/payments/practice";
import { currentPracticeRun } from "@/lib/practice/context";
import { LinkButton } from "@/components/ui/button";
import { NotificationBanner } from "@/components/ui/notification-banner";

export const dynamic = "force-dynamic";

export const generateMetadata = titled("Practice.titles.payStatus");

/** Where the practice payment stands, asked of D17 each time the page is shown (as for real). */
export default async function PracticePayStatusPage({ params }: PageProps<"/[locale]/learn/practice/pay/[reference]">) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const run = await currentPracticeRun();
  if (!run) redirect(localePath(locale, "/learn/practice"));
  const payment = await practicePayment({ runId: run.id, reference: decodeURIComponent(reference) });
  if (!payment) notFound();
  const t = await getTranslations({ locale, namespace: "Practice" });
  const pay = await getTranslations({ locale, namespace: "Pay" });
  const here = localePath(locale, `/learn/practice/pay/${encodeURIComponent(payment.reference)}`);
  const ref = (
    <p className="mb-6">
      {t("reference")} <bdi dir="ltr" className="font-mono font-bold">{payment.reference}</bdi>
    </p>
  );
  if (payment.status === "paid") {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t("pay.paidTitle")}</h1>
        <NotificationBanner tone="success" title={t("pay.paidTitle")}>
          <p>{t("forReal.payment")}</p>
        </NotificationBanner>
        {ref}
        <LinkButton href={localePath(locale, "/learn/practice")}>{t("back")}</LinkButton>
      </>
    );
  }
  if (payment.status !== "pending") {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{pay("states.declined")}</h1>
        <p className="mb-6 text-lg">{t("pay.notPaid")}</p>
        {ref}
        <LinkButton href={localePath(locale, "/learn/practice/pay")}>{pay("retry")}</LinkButton>
      </>
    );
  }
  const e = env();
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{pay("wait.title")}</h1>
      <ol className="mb-6 flex list-decimal flex-col gap-2 ps-6 text-lg">
        <li>{pay("wait.stepOpen", { phone: ltrRun(formatPhone(payment.payerPhone)) })}</li>
        <li>{pay("wait.stepFind", { amount: autoRun(formatMoney(payment.amountMillimes, locale)) })}</li>
        <li>{pay("wait.stepApprove")}</li>
      </ol>
      {ref}
      {/* A plain link to this page: asking again is reading it again (works without JavaScript). */}
      <LinkButton href={here} variant="secondary">
        {pay("wait.checkNow")}
      </LinkButton>
      {e.DEMO_MODE ? (
        <p className="my-6">
          <a className="link inline-flex min-h-11 items-center" href={`${e.D17_API_URL}/app?phone=${encodeURIComponent(payment.payerPhone)}`} target="_blank" rel="noopener">
            {pay("wait.demoSimulator")}
          </a>
        </p>
      ) : null}
    </>
  );
}
