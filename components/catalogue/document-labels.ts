import { getTranslations } from "next-intl/server";
import { documentForms } from "@/lib/catalogue/schema";
import type { Locale } from "@/lib/i18n/routing";
import type { DocumentLabels } from "./document-list";

export async function documentLabels(locale: Locale): Promise<DocumentLabels> {
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  return {
    forms: Object.fromEntries(documentForms.map((f) => [f, t(`forms.${f}`)])) as DocumentLabels["forms"],
    quantity: (count) => t("quantity", { count }),
    validity: t("validity"),
    obtainFrom: t("obtainFrom"),
    onlyIf: t("onlyIf"),
  };
}
