import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { PRACTICE_BILL } from "@/lib/payments/practice";
import { currentPracticeRun } from "@/lib/practice/context";
import { Form } from "@/components/forms/form";
import { PhoneInput, Submit } from "@/components/forms/fields";
import { practicePayAction } from "../actions";

export const dynamic = "force-dynamic";

export const generateMetadata = titled("Practice.titles.pay");

/**
 * Paying with D17 in practice: a made-up bill, the payer's real D17 number, and a real
 * request-to-pay to D17 with a PRACTICE- reference that the payer approves in their D17 app.
 */
export default async function PracticePayPage({ params }: PageProps<"/[locale]/learn/practice/pay">) {
  const locale = await pageLocale(params);
  if (!(await currentPracticeRun())) redirect(localePath(locale, "/learn/practice"));
  const t = await getTranslations({ locale, namespace: "Practice" });
  const pay = await getTranslations({ locale, namespace: "Pay" });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("titles.pay")}</h1>
      <dl className="mb-6 max-w-2xl border-s-4 border-brand ps-4">
        <dt className="font-semibold">{t("pay.bill")}</dt>
        <dd className="mb-2">{t("pay.billName")}</dd>
        <dt className="font-semibold">{t("pay.amount")}</dt>
        <dd>
          <bdi dir="ltr">{formatMoney(PRACTICE_BILL.amountMillimes, locale)}</bdi>
        </dd>
      </dl>
      <p className="mb-6 max-w-2xl">{t("pay.lead")}</p>
      <Form action={practicePayAction} schema="practice-pay" hidden={{ idempotencyKey: newIdempotencyKey() }} errors={["Pay", "Practice", "Auth.phone"]} className="max-w-2xl">
        <PhoneInput name="payerPhone" label={pay("check.phone")} hint={pay("check.phoneHint")} />
        <Submit>{t("send.payment")}</Submit>
      </Form>
    </>
  );
}
