import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getService } from "@/lib/catalogue/catalogue";
import { answersQuery, applicableQuestions, nextQuestion, parseAnswers, personalChecklist } from "@/lib/catalogue/guide";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button, LinkButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Radios } from "@/components/ui/field";
import { DocumentList } from "@/components/catalogue/document-list";
import { documentLabels } from "@/components/catalogue/document-labels";
import { PrintButton } from "@/components/catalogue/print-button";
import { withErrorPrefix } from "@/lib/i18n/page-title";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/services/[slug]/guide">): Promise<Metadata> {
  const { locale, slug } = await params;
  const service = getService(slug);
  if (!isLocale(locale) || !service?.guide) return {};
  const t = await getTranslations({ locale, namespace: "Guided" });
  // A question sent back unanswered (plain GET form): "Error:" first in the title.
  const query = await searchParams;
  const question = nextQuestion(service.guide, parseAnswers(service.guide, query));
  const failed = Boolean(question) && query.asked === question?.id;
  // Answers are in the URL: keep these personal pages out of search engines.
  return { title: await withErrorPrefix(locale, t("title", { service: localized(service.title, locale) }), failed), robots: { index: false } };
}

/**
 * One question per page, plain GET forms: the answers so far travel as hidden fields and end up
 * in the URL of the final checklist, which can be printed, bookmarked or shared.
 */
export default async function GuidePage({ params, searchParams }: PageProps<"/[locale]/services/[slug]/guide">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const service = getService(slug);
  if (!service?.guide) notFound();
  const guide = service.guide;
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "Guided" });
  const c = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const errors = await getTranslations({ locale, namespace: "Errors" });
  const answers = parseAnswers(guide, query);
  const question = nextQuestion(guide, answers);
  const title = localized(service.title, locale);
  const base = localePath(locale, `/services/${service.slug}/guide`);
  const crumbs = (
    <Breadcrumbs
      label={ui("breadcrumbs")}
      items={[
        { href: localePath(locale, "/services"), text: c("title") },
        { href: localePath(locale, `/services/${service.slug}`), text: title },
        { text: c("guideLink") },
      ]}
    />
  );

  if (question) {
    const asked = typeof query.asked === "string" ? query.asked : undefined;
    const error = asked === question.id ? t("errorSelect") : undefined;
    const questions = applicableQuestions(guide, answers);
    const position = questions.findIndex((q) => q.id === question.id) + 1;
    return (
      <>
        {crumbs}
        <ErrorSummary title={errors("summaryTitle")} errors={error ? [{ href: `#${question.id}`, message: error }] : []} />
        <p className="mb-2 text-muted">{title}</p>
        {position === 1 ? <p className="mb-4 max-w-3xl">{localized(guide.intro, locale)}</p> : null}
        <p className="mb-2 font-semibold text-muted">{t("questionOf", { current: position, total: questions.length })}</p>
        <form action={base} method="get" noValidate>
          {Object.entries(answers).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="asked" value={question.id} />
          <Radios
            id={question.id}
            name={question.id}
            label={localized(question.text, locale)}
            hint={question.hint ? localized(question.hint, locale) : undefined}
            legendAsHeading
            error={error}
            errorPrefix={ui("errorPrefix")}
            options={question.options.map((o) => ({ value: o.value, label: localized(o.label, locale) }))}
          />
          <Button>{t("continue")}</Button>
        </form>
      </>
    );
  }

  const list = personalChecklist(service, answers);
  return (
    <article>
      {crumbs}
      <h1 className="mb-2 text-3xl font-bold">{t("title", { service: title })}</h1>
      <div className="no-print mb-6 flex flex-wrap items-center gap-4">
        <PrintButton label={c("print")} />
        <p className="text-muted">{c("printHint")}</p>
      </div>

      <section aria-labelledby="answers" className="mb-8">
        <h2 id="answers" className="mb-2 text-2xl font-bold">{t("answersHeading")}</h2>
        <dl className="grid max-w-3xl gap-x-4 border-y border-line sm:grid-cols-[1fr_1fr_max-content]">
          {guide.questions
            .filter((q) => answers[q.id] !== undefined)
            .map((q) => {
              const others = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== q.id));
              const option = q.options.find((o) => o.value === answers[q.id])!;
              return (
                <div key={q.id} className="contents">
                  <dt className="py-2 font-semibold">{localized(q.text, locale)}</dt>
                  <dd className="py-2">{localized(option.label, locale)}</dd>
                  <dd className="no-print py-2">
                    <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={`${base}?${answersQuery(guide, others)}`}>
                      {t("change")}
                      <span className="sr-only"> {t("changeWhat", { question: localized(q.text, locale) })}</span>
                    </Link>
                  </dd>
                </div>
              );
            })}
        </dl>
      </section>

      <section aria-labelledby="checklist" className="mb-8">
        <h2 id="checklist" className="mb-2 text-2xl font-bold">{t("checklistHeading")}</h2>
        <h3 className="mb-2 text-xl font-bold">{c("documentsHeading")}</h3>
        {list.documents.length > 0 ? (
          <DocumentList locale={locale} documents={list.documents} labels={await documentLabels(locale)} checkboxes />
        ) : (
          <p>{c("noDocuments")}</p>
        )}
        <p className="mt-4 max-w-3xl font-semibold">{c("documentsComplete")}</p>
        <h3 className="mt-6 mb-2 text-xl font-bold">{c("stepsHeading")}</h3>
        <ol className="max-w-3xl list-decimal ps-6">
          {list.steps.map((s, i) => (
            <li key={i}>{localized(s.text, locale)}</li>
          ))}
        </ol>
      </section>

      {list.notes.length > 0 ? (
        <section aria-labelledby="notes" className="mb-8 border-s-8 border-brand bg-canvas p-4">
          <h2 id="notes" className="mb-2 text-xl font-bold">{t("notesHeading")}</h2>
          <ul className="max-w-3xl list-disc ps-6">
            {list.notes.map((n, i) => (
              <li key={i}>{localized(n, locale)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <p className="no-print mb-6 max-w-3xl text-muted">{t("share")}</p>
      <div className="no-print flex flex-wrap gap-3">
        <LinkButton variant="secondary" href={base}>
          {t("startAgain")}
        </LinkButton>
        <LinkButton variant="quiet" href={localePath(locale, `/services/${service.slug}`)}>
          {t("back")}
        </LinkButton>
      </div>
    </article>
  );
}
