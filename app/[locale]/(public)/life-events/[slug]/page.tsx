import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getBody, getLifeEvent, getService, listLifeEvents } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listLifeEvents().map((e) => ({ slug: e.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/life-events/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const event = getLifeEvent(slug);
  if (!isLocale(locale) || !event) return {};
  return { title: localized(event.title, locale), description: localized(event.summary, locale) };
}

/** One situation, the procedures of several bodies, in the order to do them. */
export default async function LifeEventPage({ params }: PageProps<"/[locale]/life-events/[slug]">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const event = getLifeEvent(slug);
  if (!event) notFound();
  const t = await getTranslations({ locale, namespace: "LifeEvents" });
  const c = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[{ href: localePath(locale, "/services"), text: c("title") }, { href: localePath(locale, "/life-events"), text: t("title") }, { text: localized(event.title, locale) }]}
      />
      <h1 id="event-title" className="mb-3 text-3xl font-bold">{localized(event.title, locale)}</h1>
      <p className="mb-8 max-w-3xl text-lg">{localized(event.summary, locale)}</p>
      <ol aria-labelledby="event-title" className="flex flex-col border-s-4 border-brand">
        {event.steps.map((step, i) => {
          const service = step.service ? getService(step.service) : undefined;
          const body = service ? getBody(service.body) : undefined;
          return (
            <li key={i} className="relative ps-6 pb-8">
              <span aria-hidden className="absolute -start-[14px] top-0 flex size-6 items-center justify-center rounded-full bg-brand text-sm font-bold text-white">
                {i + 1}
              </span>
              <h2 className="text-xl font-bold">
                <span className="sr-only">{t("step", { n: i + 1 })}: </span>
                {localized(step.title, locale)}
              </h2>
              {body ? <p className="text-sm font-semibold text-muted">{localized(body.shortName, locale)}</p> : null}
              <p className="max-w-3xl">{localized(step.text, locale)}</p>
              {service ? (
                <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${service.slug}`)}>
                  {t("seeProcedure")}: {localized(service.title, locale)}
                </Link>
              ) : (
                <p className="text-muted">{t("notAtHouse")}</p>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
