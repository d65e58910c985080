import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Form } from "@/components/forms/form";
import { Radios, Submit, TextInput } from "@/components/forms/fields";
import { billerKeys } from "@/components/payments/labels";
import { addContractAction } from "../actions";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Bills.add.title");

export default async function AddContractPage({ params }: PageProps<"/[locale]/bills/add">) {
  const locale = await pageLocale(params);
  await requirePageActor(locale, localePath(locale, "/bills/add"), { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Bills" });
  const tu = await getTranslations({ locale, namespace: "Ui" });
  return (
    <>
      <Breadcrumbs label={tu("breadcrumbs")} items={[{ href: localePath(locale, "/bills"), text: t("title") }, { text: t("add.title") }]} />
      <h1 className="mb-6 text-3xl font-bold">{t("add.title")}</h1>
      <Form action={addContractAction} schema="bill-add" errors={["Bills"]}>
        <Radios name="biller" label={t("add.biller")} options={billerKeys.map((b) => ({ value: b, label: t(`billers.${b}.name`), hint: t(`billers.${b}.service`) }))} />
        <TextInput name="contract" label={t("add.contract")} hint={t("add.contractHint")} inputMode="numeric" autoComplete="off" dir="ltr" className="max-w-xs" />
        <TextInput name="key" label={t("add.key")} hint={t("add.keyHint")} inputMode="numeric" autoComplete="off" dir="ltr" className="max-w-24" />
        <TextInput name="label" label={t("add.label")} hint={t("add.labelHint")} />
        <Submit>{t("add.save")}</Submit>
      </Form>
    </>
  );
}
