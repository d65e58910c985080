import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale, localePath, locales } from "@/lib/i18n/routing";
import { getLesson, lessonSlugs } from "@/lib/learning/lessons";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.flatMap((locale) => lessonSlugs().map((slug) => ({ locale, slug })));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/learn/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  return { title: getLesson(slug, locale)?.title };
}

export default async function LessonPage({ params }: PageProps<"/[locale]/learn/[slug]">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const lesson = getLesson(slug, locale);
  if (!lesson) notFound();
  const t = await getTranslations({ locale, namespace: "Learn" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[{ href: localePath(locale, "/"), text: t("breadcrumbHome") }, { href: localePath(locale, "/learn"), text: t("title") }, { text: lesson.title }]}
      />
      <h1 className="mb-2 text-3xl font-bold">{lesson.title}</h1>
      <p className="mb-1 text-lg">{lesson.summary}</p>
      <p className="mb-6 text-sm text-muted">{t("minutes", { count: lesson.minutes })}</p>
      <h2 className="mb-3 text-xl font-bold">{t("stepsHeading")}</h2>
      <ol className="mb-8 flex max-w-3xl list-decimal flex-col gap-3 ps-6">
        {lesson.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      <p className="max-w-3xl border-s-8 border-brand bg-canvas p-4">{t("volunteers")}</p>
    </article>
  );
}
