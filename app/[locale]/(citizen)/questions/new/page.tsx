import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { QUESTION_BODIES } from "@/lib/cases/kinds/question";
import { localePath } from "@/lib/i18n/routing";
import { submitCaseForm } from "@/lib/outbox/actions";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { QuestionForm } from "@/components/cases/question-form";
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
  const e = await getTranslations({ locale, namespace: "Errors" });
  const m = await getTranslations({ locale, namespace: "MyFile" });
  const root = await rootTranslator(locale);
  const bodies = QUESTION_BODIES.map((id) => ({ value: id, label: bodyName(root, id) }));
  return (
    <>
      <Breadcrumbs label={m("breadcrumbs")} items={[{ href: localePath(locale, "/my"), text: m("title") }, { text: t("title") }]} />
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("lead")}</p>
      <QuestionForm
        action={submitCaseForm}
        idempotencyKey={newIdempotencyKey()}
        userId={actor.userId}
        locale={locale}
        formPath={formPath}
        bodies={bodies}
        labels={{
          errorTitle: e("summaryTitle"),
          errorPrefix: t("errorPrefix"),
          body: t("fields.bodyId"),
          bodyHint: t("bodyHint"),
          bodyPlaceholder: t("bodyPlaceholder"),
          subject: t("fields.subject"),
          subjectHint: t("subjectHint"),
          question: t("fields.question"),
          questionHint: t("questionHint"),
          submit: t("submit"),
          sending: t("sending"),
          draftNote: o("draftNote"),
          refused: o("refused"),
        }}
        outboxLabels={{
          queuedTitle: o("queuedTitle"),
          queuedBody: o("queuedBody"),
          queuedKioskTitle: o("queuedKioskTitle"),
          queuedKioskBody: o("queuedKioskBody"),
          unsentLink: o("unsentLink"),
          unsentHref: localePath(locale, "/my/unsent"),
          sentTitle: o("sentTitle"),
          sentBody: o("sentBody"),
          openCase: o("openCase"),
          refusedTitle: o("refusedTitle"),
        }}
      />
    </>
  );
}
