import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { QUESTION_BODIES } from "@/lib/cases/kinds/question";
import { localePath } from "@/lib/i18n/routing";
import { submitCaseForm } from "@/lib/outbox/actions";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, municipalityGroups, rootTranslator } from "@/components/cases/labels";
import { Form } from "@/components/forms/form";
import { Select, Submit, TextArea, TextInput } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Question.title");

export default async function NewQuestionPage({ params }: PageProps<"/[locale]/questions/new">) {
  const locale = await pageLocale(params);
  const formPath = localePath(locale, "/questions/new");
  const actor = await requirePageActor(locale, formPath, { roles: ["citizen"] });
  const t = await getTranslations({ locale, namespace: "Question" });
  const o = await getTranslations({ locale, namespace: "Outbox" });
  const m = await getTranslations({ locale, namespace: "MyFile" });
  const root = await rootTranslator(locale);
  const bodies = QUESTION_BODIES.map((id) => ({ value: id, label: bodyName(root, id) }));
  return (
    <>
      <Breadcrumbs label={m("breadcrumbs")} items={[{ href: localePath(locale, "/my"), text: m("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <Form
        action={submitCaseForm}
        schema="question"
        errors={["Question", "Cases", "Requests", "Municipalities"]}
        outbox={{ kind: "question", formPath, userId: actor.userId, idempotencyKey: newIdempotencyKey(), titleField: "subject" }}
        className="max-w-2xl"
      >
        <Select name="bodyId" label={t("fields.bodyId")} hint={t("bodyHint")} options={bodies} placeholder={t("bodyPlaceholder")} />
        <Select name="municipalityId" label={root("Municipalities.field")} hint={root("Municipalities.chooseHint")} placeholder="—" options={[]} groups={municipalityGroups(locale)} />
        <TextInput name="subject" label={t("fields.subject")} hint={t("subjectHint")} maxLength={120} autoComplete="off" />
        <TextArea name="question" label={t("fields.question")} hint={t("questionHint")} maxLength={3000} rows={8} />
        <p className="mb-4 text-sm text-muted">{o("draftNote")}</p>
        <Submit>{t("submit")}</Submit>
      </Form>
    </>
  );
}
