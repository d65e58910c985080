import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Form } from "@/components/forms/form";
import { Radios, Submit, TextInput } from "@/components/forms/fields";
import { billerKeys } from "@/components/payments/labels";
import { findBillAction } from "../actions";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Pay.find.title");

export default async function FindBillPage({ params }: PageProps<"/[locale]/pay/find">) {
  const locale = await pageLocale(params);
  await requirePageActor(locale, localePath(locale, "/pay/find"), { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Pay" });
  const tb = await getTranslations({ locale, namespace: "Bills" });
  const tu = await getTranslations({ locale, namespace: "Ui" });
  return (
    <>
      <Breadcrumbs label={tu("breadcrumbs")} items={[{ href: localePath(locale, "/pay"), text: t("title") }, { text: t("find.title") }]} />
      <h1 className="mb-6 text-3xl font-bold">{t("find.title")}</h1>
      <ExplainThisPage locale={locale} step="pay.find" />
      <Form action={findBillAction} schema="pay-find" errors={["Bills", "Pay"]}>
        <Radios name="biller" label={t("find.biller")} options={billerKeys.map((b) => ({ value: b, label: tb(`billers.${b}.name`), hint: tb(`billers.${b}.service`) }))} />
        <TextInput name="reference" label={t("find.reference")} hint={t("find.referenceHint")} inputMode="numeric" autoComplete="off" spellCheck={false} dir="ltr" className="max-w-xs" />
        <TextInput name="key" label={tb("add.key")} hint={tb("add.keyHint")} inputMode="numeric" autoComplete="off" dir="ltr" className="max-w-24" />
        <Submit>{t("find.submit")}</Submit>
      </Form>
    </>
  );
}
