import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatMoney, formatPhoneLocal } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/routing";
import { getCheckout } from "@/lib/payments/start-payment";
import { paymentsWithBillers } from "@/app/_payments/wiring";
import { billLineLabels } from "@/app/_payments/bill-labels";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Form } from "@/components/forms/form";
import { FormMessages } from "@/components/forms/form-messages";
import { TextInput } from "@/components/forms/fields";
import { BillLines } from "@/components/payments/bill-lines";
import { OnlineSubmit } from "@/components/payments/online-submit";
import { payAction } from "../../actions";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Pay.check.title");

/** Check your answers, then pay: the one page where money is committed. */
export default async function CheckPage({ params }: PageProps<"/[locale]/pay/check/[checkoutId]">) {
  const locale = await pageLocale(params);
  const { checkoutId } = await params;
  const actor = await requirePageActor(locale, localePath(locale, `/pay/check/${checkoutId}`), { roles: ["citizen"] });
  const deps = await paymentsWithBillers();
  const checkout = await getCheckout({ deps, userId: actor.userId, checkoutId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "notFound") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "Pay" });
  const tu = await getTranslations({ locale, namespace: "Ui" });
  // A new attempt key each time this page is shown: sending this form twice is one payment.
  const idempotencyKey = randomUUID();
  const total = formatMoney(checkout.totalMillimes, locale);
  return (
    <>
      <Breadcrumbs label={tu("breadcrumbs")} items={[{ href: localePath(locale, "/pay"), text: t("title") }, { text: t("check.title") }]} />
      <h1 className="mb-6 text-3xl font-bold">{t("check.title")}</h1>
      <ExplainThisPage locale={locale} step="pay.confirm" />
      <h2 className="mb-3 text-2xl font-bold">{t("check.bills")}</h2>
      <BillLines locale={locale} lines={checkout.items} labels={await billLineLabels(locale)} />
      <dl className="mb-8 grid max-w-xl grid-cols-[1fr_max-content] gap-y-2 border-y-2 border-ink py-3 text-lg">
        <dt>{t("check.fee")}</dt>
        <dd>{checkout.feeMillimes > 0 ? formatMoney(checkout.feeMillimes, locale) : t("check.noFee")}</dd>
        <dt className="font-bold">{t("check.total")}</dt>
        <dd className="font-bold" data-testid="total">
          {total}
        </dd>
      </dl>
      <p className="mb-6">
        <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, "/pay")}>
          {t("check.changeBills")}
        </Link>
      </p>
      <Form action={payAction} schema="pay-check" errors={["Pay"]} hidden={{ checkoutId: checkout.id, idempotencyKey }}>
        <TextInput
          name="payerPhone"
          label={t("check.phone")}
          hint={t("check.phoneHint")}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          dir="ltr"
          className="max-w-xs"
          defaultValue={formatPhoneLocal(actor.phone)}
        />
        {/* The pay button's words, for it alone (the form's own are given by the kit). */}
        <FormMessages namespaces={["Pay.check.submit", "Pay.check.offline"]}>
          <OnlineSubmit amount={total} />
        </FormMessages>
      </Form>
    </>
  );
}
