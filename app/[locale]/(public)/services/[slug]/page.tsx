import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBody, getService, lifeEventsWithService, listServices } from "@/lib/catalogue/catalogue";
import { missingDocumentReportPath } from "@/lib/catalogue/missing-document";
import { housesOffering, housesPlanning } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/button";
import { DocumentList } from "@/components/catalogue/document-list";
import { documentLabels } from "@/components/catalogue/document-labels";
import { Contacts } from "@/components/catalogue/contacts";

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
  const { locale, slug } = await params;
  const service = getService(slug);
  if (!isLocale(locale) || !service) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const body = getBody(service.body)!;
  const houses = housesOffering(service.slug);
  const planned = housesPlanning(service.slug);
  const related = service.related.map((r) => getService(r)).filter((s) => s !== undefined);
  const events = lifeEventsWithService(service.slug);
  const L = (text: Parameters<typeof localized>[0]) => localized(text, locale);
  const checkedOn = formatDate(`${service.version.checkedOn}T12:00:00Z`, locale);
  const fee =
    service.fee.kind === "free" ? t("feeFree") : service.fee.kind === "fixed" ? formatMoney(service.fee.millimes, locale) : null;

  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/"), text: t("home") },
          { href: localePath(locale, "/services"), text: t("title") },
          { href: localePath(locale, `/services/bodies/${body.id}`), text: L(body.shortName) },
          { text: L(service.title) },
        ]}
      />
      <h1 className="mb-3 text-3xl font-bold sm:text-4xl">{L(service.title)}</h1>
      <p className="mb-3 max-w-3xl text-lg">{L(service.summary)}</p>
      <p className="mb-6 text-muted">
        {t("bodyLabel")}:{" "}
        <Link className="link" href={localePath(locale, `/services/bodies/${body.id}`)}>
          {L(body.name)}
        </Link>
        . {t("lastChecked", { date: checkedOn, version: service.version.number })}
      </p>

      <div className="no-print mb-8 flex flex-wrap gap-3">
        {service.guide ? (
          <LinkButton href={localePath(locale, `/services/${service.slug}/guide`)}>{t("guideLink")}</LinkButton>
        ) : null}
        <LinkButton variant="secondary" href={localePath(locale, `/services/${service.slug}/checklist`)}>
          {t("checklistLink")}
        </LinkButton>
      </div>

      <section aria-labelledby="audience" className="mb-8">
        <h2 id="audience" className="mb-2 text-2xl font-bold">{t("audienceHeading")}</h2>
        <p className="max-w-3xl">{L(service.audience)}</p>
        {service.conditions.length > 0 ? (
          <>
            <h3 className="mt-4 mb-2 text-xl font-bold">{t("conditionsHeading")}</h3>
            <ul className="max-w-3xl list-disc ps-6">
              {service.conditions.map((c, i) => (
                <li key={i}>{L(c)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="channels" className="mb-8">
        <h2 id="channels" className="mb-2 text-2xl font-bold">{t("channelsHeading")}</h2>
        <ul className="list-disc ps-6">
          {service.channels.map((c) => (
            <li key={c}>{t(`channels.${c}`)}</li>
          ))}
        </ul>
        {service.onlinePath ? (
          <LinkButton className="no-print mt-3" href={localePath(locale, service.onlinePath)}>
            {t("startOnline")}
          </LinkButton>
        ) : null}
      </section>

      <section aria-labelledby="steps" className="mb-8">
        <h2 id="steps" className="mb-2 text-2xl font-bold">{t("stepsHeading")}</h2>
        <ol className="max-w-3xl list-decimal ps-6">
          {service.steps.map((s, i) => (
            <li key={i} className="mb-1">
              {L(s.text)}
              {s.onlyIf ? <span className="text-muted"> ({t("onlyIf")}: {L(s.onlyIf)})</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="documents" className="mb-8">
        <h2 id="documents" className="mb-3 text-2xl font-bold">{t("documentsHeading")}</h2>
        {service.documents.length > 0 ? (
          <DocumentList locale={locale} documents={service.documents} labels={await documentLabels(locale)} />
        ) : (
          <p>{t("noDocuments")}</p>
        )}
        <div className="mt-4 max-w-3xl border-4 border-link p-4">
          <p className="mb-2 font-semibold">{t("documentsComplete")}</p>
          <Link
            className="link inline-flex min-h-11 items-center"
            href={missingDocumentReportPath(locale, { serviceSlug: service.slug, serviceVersion: service.version.number, bodyId: service.body })}
          >
            {t("reportMissing")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="fee" className="mb-8 grid gap-6 sm:grid-cols-2">
        <div>
          <h2 id="fee" className="mb-2 text-2xl font-bold">{t("feeHeading")}</h2>
          {fee ? <p className="font-semibold">{fee}</p> : null}
          {"note" in service.fee && service.fee.note ? <p>{L(service.fee.note)}</p> : null}
        </div>
        <div>
          <h2 className="mb-2 text-2xl font-bold">{t("delayHeading")}</h2>
          <p>{L(service.delay.summary)}</p>
          {service.delay.legalBasis ? <p className="text-sm text-muted">{L(service.delay.legalBasis)}</p> : null}
        </div>
      </section>

      {service.legalBasis ? (
        <section aria-labelledby="legal" className="mb-8">
          <h2 id="legal" className="mb-2 text-2xl font-bold">{t("legalBasis")}</h2>
          <p>{L(service.legalBasis)}</p>
        </section>
      ) : null}

      <section aria-labelledby="where" className="mb-8">
        <h2 id="where" className="mb-2 text-2xl font-bold">{t("housesHeading")}</h2>
        {houses.length > 0 ? (
          <ul className="flex flex-col">
            {houses.map((h) => (
              <li key={h.slug}>
                <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, `/houses/${h.slug}`)}>
                  {L(h.name)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("housesNone")}</p>
        )}
        {planned.length > 0 ? (
          <p className="mt-2 text-muted">
            {t("housesPlanned")} {new Intl.ListFormat(locale, { type: "conjunction" }).format(planned.map((h) => L(h.name)))}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="contact" className="mb-8">
        <h2 id="contact" className="mb-2 text-2xl font-bold">
          {t("contactHeading")} — {L(body.shortName)}
        </h2>
        <Contacts locale={locale} contacts={body.contacts} labels={{ web: t("contactWeb"), phone: t("contactPhone"), email: t("contactEmail"), office: t("contactOffice") }} />
      </section>

      {related.length > 0 || events.length > 0 ? (
        <aside aria-labelledby="related" className="no-print border-t-4 border-brand pt-4">
          <h2 id="related" className="mb-2 text-xl font-bold">{t("relatedHeading")}</h2>
          <ul className="mb-4 flex flex-col">
            {related.map((r) => (
              <li key={r.slug}>
                <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${r.slug}`)}>
                  {L(r.title)}
                </Link>
              </li>
            ))}
          </ul>
          {events.length > 0 ? (
            <>
              <h2 className="mb-2 text-xl font-bold">{t("partOfHeading")}</h2>
              <ul className="flex flex-col">
                {events.map((e) => (
                  <li key={e.slug}>
                    <Link className="link inline-flex min-h-11 items-center" href={localePath(locale, `/life-events/${e.slug}`)}>
                      {L(e.title)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      ) : null}
    </article>
  );
}
