import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getBody, getService, listServices } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { interviewQueryForService } from "@/lib/interviews/topics";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ServiceDetails } from "@/components/catalogue/service-details";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listServices().map((s) => ({ slug: s.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/services/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const service = getService(slug);
  if (!isLocale(locale) || !service) return {};
  return { title: localized(service.title, locale), description: localized(service.summary, locale) };
}

export default async function ServicePage({ params }: PageProps<"/[locale]/services/[slug]">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const service = getService(slug);
  if (!service) notFound();
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const body = getBody(service.body)!;
  const title = localized(service.title, locale);
  // A plain link with the body (and topic) in the query: the page stays static and script-free.
  const talk = interviewQueryForService(service);
  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/"), text: t("home") },
          { href: localePath(locale, "/services"), text: t("title") },
          { href: localePath(locale, `/services/bodies/${body.id}`), text: localized(body.shortName, locale) },
          { text: title },
        ]}
      />
      <h1 className="mb-3 text-3xl font-bold sm:text-4xl">{title}</h1>
      <ServiceDetails locale={locale} service={service} />
      {talk ? (
        <section aria-labelledby="talk-title" className="mt-8 max-w-2xl border-s-4 border-brand bg-canvas p-4">
          <h2 id="talk-title" className="mb-2 text-xl font-bold">{t("talkTitle")}</h2>
          <p className="mb-3">{t("talkBody", { body: localized(body.shortName, locale) })}</p>
          {/* <a>, not <Link>: nothing to prefetch from a public page into a signed-in one. */}
          <a className="link font-semibold" href={`${localePath(locale, "/interviews/book")}?${new URLSearchParams(talk)}`}>
            {t("talkLink")}
          </a>
        </section>
      ) : null}
    </article>
  );
}
