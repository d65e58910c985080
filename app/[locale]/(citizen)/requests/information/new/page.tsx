import { LessonLink } from "@/components/learning/lesson-link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { complaintBodyIds } from "@/lib/cases/kinds/complaint/categories";
import { accessForms } from "@/lib/cases/kinds/info-request/law-2016-22";
import { localePath } from "@/lib/i18n/routing";
import { loadDraftForForm } from "@/lib/requests/drafts";
import { bodyName, municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { Checkbox, Radios, Select, TextArea, TextInput } from "@/components/forms/fields";
import { RequestForm } from "@/components/requests/request-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const generateMetadata = titled("InfoRequest.title");

/** A request under law 2016-22: exactly the fields the law asks for, and no reason. */
export default async function NewInfoRequestPage({ params, searchParams }: PageProps<"/[locale]/requests/information/new">) {
  const locale = await pageLocale(params);
  const formPath = localePath(locale, "/requests/information/new");
  const actor = await requirePageActor(locale, formPath, { roles: ["citizen"] });
  const draftKey = (await searchParams).draft;
  const draft = await loadDraftForForm({ userId: actor.userId, key: typeof draftKey === "string" ? draftKey : undefined });
  const t = await getTranslations({ locale, namespace: "InfoRequest" });
  const r = await getTranslations({ locale, namespace: "Requests" });
  const root = await rootTranslator(locale);
  return (
    <>
      <Breadcrumbs label={root("MyFile.breadcrumbs")} items={[{ href: localePath(locale, "/requests"), text: r("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <LessonLink locale={locale} slug="ask-for-information" />
      <ExplainThisPage locale={locale} step="information.form" />
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <RequestForm kind="info-request" locale={locale} userId={actor.userId} formPath={formPath} titleField="information" draft={draft}>
        <Radios name="requesterType" label={t("fields.requesterType")} options={[{ value: "person", label: t("requester.person") }, { value: "company", label: t("requester.company") }]} />
        <TextInput name="name" label={t("fields.name")} maxLength={200} autoComplete="name" />
        <TextInput name="address" label={t("fields.address")} hint={t("addressHint")} maxLength={300} autoComplete="street-address" />
        <Select name="bodyId" label={t("fields.bodyId")} placeholder="—" options={complaintBodyIds().map((id) => ({ value: id, label: bodyName(root, id) }))} />
        <Select name="municipalityId" label={root("Municipalities.field")} hint={root("Municipalities.chooseHint")} placeholder="—" options={[]} groups={municipalityGroups(locale)} />
        <TextArea name="information" label={t("fields.information")} hint={t("informationHint")} maxLength={5000} rows={8} />
        <Radios name="accessForm" label={t("fields.accessForm")} options={accessForms.map((f) => ({ value: f, label: t(`access.${f}`) }))} />
        <Checkbox name="lifeOrLiberty" label={t("fields.lifeOrLiberty")} hint={t("lifeOrLibertyHint")} />
      </RequestForm>
    </>
  );
}
