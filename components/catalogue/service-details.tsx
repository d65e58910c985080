import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getBody, getService, lifeEventsWithService } from "@/lib/catalogue/catalogue";
import { missingDocumentReportPath } from "@/lib/catalogue/missing-document";
import type { Service } from "@/lib/catalogue/schema";
import { housesOffering, housesPlanning } from "@/lib/houses/houses";
import { localized } from "@/lib/i18n/content";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { localePath, type Locale } from "@/lib/i18n/routing";
import { LinkButton } from "@/components/ui/button";
import { DocumentList } from "./document-list";
import { documentLabels } from "./document-labels";
import { Contacts } from "./contacts";

/**
 * Everything about a procedure below its title: shared by the procedure's own page (level 2
 * headings) and the one-page catalogue kept for offline reading (level 3, `compact`: without the
 * online-only buttons, the body's contacts and the related links).
 */
export async function ServiceDetails({ locale, service, level = 2, compact = false }: { locale: Locale; service: Service; level?: 2 | 3; compact?: boolean }) {
  const H2 = level === 2 ? "h2" : "h3";
  const H3 = level === 2 ? "h3" : "h4";
  const t = await getTranslations({ locale, namespace: "Catalogue" });
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
    <>
      <p className="mb-3 max-w-3xl text-lg">{L(service.summary)}</p>
      <p className="mb-6 text-muted">
        {t("bodyLabel")}:{" "}
        <Link prefetch={false} className="link" href={localePath(locale, `/services/bodies/${body.id}`)}>
          {L(body.name)}
        </Link>
        . {t("lastChecked", { date: checkedOn, version: service.version.number })}
      </p>

      {compact ? null : (
      <div className="no-print mb-8 flex flex-wrap gap-3">
        {service.guide ? (
          <LinkButton href={localePath(locale, `/services/${service.slug}/guide`)}>{t("guideLink")}</LinkButton>
        ) : null}
        <LinkButton variant="secondary" href={localePath(locale, `/services/${service.slug}/checklist`)}>
          {t("checklistLink")}
        </LinkButton>
      </div>
      )}

      <section aria-labelledby={`${service.slug}-audience`} className="mb-8">
        <H2 id={`${service.slug}-audience`} className="mb-2 text-2xl font-bold">{t("audienceHeading")}</H2>
        <p className="max-w-3xl">{L(service.audience)}</p>
        {service.conditions.length > 0 ? (
          <>
            <H3 className="mt-4 mb-2 text-xl font-bold">{t("conditionsHeading")}</H3>
            <ul className="max-w-3xl list-disc ps-6">
              {service.conditions.map((c, i) => (
                <li key={i}>{L(c)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby={`${service.slug}-channels`} className="mb-8">
        <H2 id={`${service.slug}-channels`} className="mb-2 text-2xl font-bold">{t("channelsHeading")}</H2>
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

      <section aria-labelledby={`${service.slug}-steps`} className="mb-8">
        <H2 id={`${service.slug}-steps`} className="mb-2 text-2xl font-bold">{t("stepsHeading")}</H2>
        <ol className="max-w-3xl list-decimal ps-6">
          {service.steps.map((s, i) => (
            <li key={i} className="mb-1">
              {L(s.text)}
              {s.onlyIf ? <span className="text-muted"> ({t("onlyIf")}: {L(s.onlyIf)})</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby={`${service.slug}-documents`} className="mb-8">
        <H2 id={`${service.slug}-documents`} className="mb-3 text-2xl font-bold">{t("documentsHeading")}</H2>
        {service.documents.length > 0 ? (
          <DocumentList locale={locale} documents={service.documents} labels={await documentLabels(locale)} />
        ) : (
          <p>{t("noDocuments")}</p>
        )}
        <div className="mt-4 max-w-3xl border-4 border-link p-4">
          <p className="mb-2 font-semibold">{t("documentsComplete")}</p>
          <Link
            prefetch={false}
            className="link inline-flex min-h-11 items-center"
            href={missingDocumentReportPath(locale, { serviceSlug: service.slug, serviceVersion: service.version.number, bodyId: service.body })}
          >
            {t("reportMissing")}
          </Link>
        </div>
      </section>

      <section aria-labelledby={`${service.slug}-fee`} className="mb-8 grid gap-6 sm:grid-cols-2">
        <div>
          <H2 id={`${service.slug}-fee`} className="mb-2 text-2xl font-bold">{t("feeHeading")}</H2>
          {fee ? <p className="font-semibold">{fee}</p> : null}
          {"note" in service.fee && service.fee.note ? <p>{L(service.fee.note)}</p> : null}
        </div>
        <div>
          <H2 className="mb-2 text-2xl font-bold">{t("delayHeading")}</H2>
          <p>{L(service.delay.summary)}</p>
          {service.delay.legalBasis ? <p className="text-sm text-muted">{L(service.delay.legalBasis)}</p> : null}
        </div>
      </section>

      {service.legalBasis ? (
        <section aria-labelledby={`${service.slug}-legal`} className="mb-8">
          <H2 id={`${service.slug}-legal`} className="mb-2 text-2xl font-bold">{t("legalBasis")}</H2>
          <p>{L(service.legalBasis)}</p>
        </section>
      ) : null}

      <section aria-labelledby={`${service.slug}-where`} className="mb-8">
        <H2 id={`${service.slug}-where`} className="mb-2 text-2xl font-bold">{t("housesHeading")}</H2>
        {houses.length > 0 ? (
          <ul className="flex flex-col">
            {houses.map((h) => (
              <li key={h.slug}>
                <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/houses/${h.slug}`)}>
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

      {compact ? null : (
      <section aria-labelledby={`${service.slug}-contact`} className="mb-8">
        <H2 id={`${service.slug}-contact`} className="mb-2 text-2xl font-bold">
          {t("contactHeading")} — {L(body.shortName)}
        </H2>
        <Contacts locale={locale} contacts={body.contacts} labels={{ web: t("contactWeb"), phone: t("contactPhone"), email: t("contactEmail"), office: t("contactOffice") }} />
      </section>
      )}

      {!compact && (related.length > 0 || events.length > 0) ? (
        <aside aria-labelledby={`${service.slug}-related`} className="no-print border-t-4 border-brand pt-4">
          <H2 id={`${service.slug}-related`} className="mb-2 text-xl font-bold">{t("relatedHeading")}</H2>
          <ul className="mb-4 flex flex-col">
            {related.map((r) => (
              <li key={r.slug}>
                <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${r.slug}`)}>
                  {L(r.title)}
                </Link>
              </li>
            ))}
          </ul>
          {events.length > 0 ? (
            <>
              <H2 className="mb-2 text-xl font-bold">{t("partOfHeading")}</H2>
              <ul className="flex flex-col">
                {events.map((e) => (
                  <li key={e.slug}>
                    <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/life-events/${e.slug}`)}>
                      {L(e.title)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      ) : null}
    </>
  );
}
