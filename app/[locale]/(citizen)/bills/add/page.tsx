import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { ActionForm, FormRadios, FormTextField } from "@/components/payments/action-form";
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
  const te = await getTranslations({ locale, namespace: "Errors" });
  const tu = await getTranslations({ locale, namespace: "Ui" });
  return (
    <>
      <Breadcrumbs label={tu("breadcrumbs")} items={[{ href: localePath(locale, "/bills"), text: t("title") }, { text: t("add.title") }]} />
      <h1 className="mb-6 text-3xl font-bold">{t("add.title")}</h1>
      <ActionForm action={addContractAction} errorTitle={te("summaryTitle")}>
        <FormRadios name="biller" label={t("add.biller")} errorPrefix={tu("errorPrefix")} options={billerKeys.map((b) => ({ value: b, label: t(`billers.${b}.name`), hint: t(`billers.${b}.service`) }))} />
        <FormTextField name="contract" label={t("add.contract")} hint={t("add.contractHint")} inputMode="numeric" autoComplete="off" dir="ltr" className="max-w-xs" errorPrefix={tu("errorPrefix")} />
        <FormTextField name="key" label={t("add.key")} hint={t("add.keyHint")} inputMode="numeric" autoComplete="off" dir="ltr" className="max-w-24" errorPrefix={tu("errorPrefix")} />
        <FormTextField name="label" label={t("add.label")} hint={t("add.labelHint")} errorPrefix={tu("errorPrefix")} />
        <Button>{t("add.save")}</Button>
      </ActionForm>
    </>
  );
}
