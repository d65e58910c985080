import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { SUGGESTION_DAYS, complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import { localePath } from "@/lib/i18n/routing";
import { loadDraftForForm } from "@/lib/requests/drafts";
import { bodyName, municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { Checkbox, Select, TextArea } from "@/components/forms/fields";
import { RequestForm } from "@/components/requests/request-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const generateMetadata = titled("Suggestion.title");

export default async function NewSuggestionPage({ params, searchParams }: PageProps<"/[locale]/requests/suggestion/new">) {
  const locale = await pageLocale(params);
  const formPath = localePath(locale, "/requests/suggestion/new");
  const actor = await requirePageActor(locale, formPath, { roles: ["citizen"] });
  const draftKey = (await searchParams).draft;
  const draft = await loadDraftForForm({ userId: actor.userId, key: typeof draftKey === "string" ? draftKey : undefined });
  const t = await getTranslations({ locale, namespace: "Suggestion" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const root = await rootTranslator(locale);
  return (
    <>
      <Breadcrumbs label={root("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <ExplainThisPage locale={locale} step="suggestion.form" />
      <RequestForm kind="suggestion" locale={locale} userId={actor.userId} formPath={formPath} titleField="description" draft={draft} attachments>
        <Select name="bodyId" label={t("bodyQuestion")} placeholder="—" options={complaintBodyIds().map((id) => ({ value: id, label: bodyName(root, id) }))} />
        <Select name="municipalityId" label={root("Municipalities.field")} hint={root("Municipalities.chooseHint")} placeholder="—" options={[]} groups={municipalityGroups(locale)} />
        <TextArea name="description" label={t("fields.description")} hint={t("hint", { days: SUGGESTION_DAYS })} maxLength={5000} rows={8} />
        <Checkbox name="hideName" label={r("hideName")} hint={r("hideNameHint")} />
      </RequestForm>
    </>
  );
}
