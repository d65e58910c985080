import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getBody, getService, listServices } from "@/lib/catalogue/catalogue";
import { localized } from "@/lib/i18n/content";
import { formatDate } from "@/lib/i18n/format";
import { isLocale, localePath } from "@/lib/i18n/routing";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DocumentList } from "@/components/catalogue/document-list";
import { documentLabels } from "@/components/catalogue/document-labels";
import { PrintButton } from "@/components/catalogue/print-button";
import Link from "next/link";
import { qrSvg } from "@/lib/documents/qr";
import { publicAppUrl } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamicParams = false;

export function generateStaticParams() {
  return listServices().map((s) => ({ slug: s.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/services/[slug]/checklist">): Promise<Metadata> {
  const { locale, slug } = await params;
  const service = getService(slug);
  if (!isLocale(locale) || !service) return {};
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  return { title: t("checklistTitle", { service: localized(service.title, locale) }) };
}

/** "What to bring", made to be printed (globals.css hides the header, footer and navigation). */
export default async function ChecklistPage({ params }: PageProps<"/[locale]/services/[slug]/checklist">) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const service = getService(slug);
  if (!service) notFound();
  const t = await getTranslations({ locale, namespace: "Catalogue" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const body = getBody(service.body)!;
  const title = localized(service.title, locale);
  const reference = `${service.slug}·v${service.version.number}`;
  const qr = await qrSvg(`${publicAppUrl().replace(/\/$/, "")}${localePath(locale, `/services/${service.slug}`)}`);
  return (
    <article>
      <Breadcrumbs
        label={ui("breadcrumbs")}
        items={[
          { href: localePath(locale, "/services"), text: t("title") },
          { href: localePath(locale, `/services/${service.slug}`), text: title },
          { text: t("checklistLink") },
        ]}
      />
      <h1 className="mb-2 text-3xl font-bold">{t("checklistTitle", { service: title })}</h1>
      <p className="mb-1">{localized(body.name, locale)}</p>
      <p className="mb-4 text-sm text-muted">
        {t("checkedOn", { version: service.version.number, date: formatDate(`${service.version.checkedOn}T12:00:00Z`, locale) })}
      </p>
      {/* On paper: which procedure this is, and the way back to its page (QR), large. */}
      <div className="mb-6 flex flex-wrap items-center gap-6">
        <p data-print-large>
          {t("checklistReference")}{" "}
          <bdi dir="ltr" className="font-mono font-bold" data-testid="checklist-reference">
            {reference}
          </bdi>
        </p>
        <div className="size-28 shrink-0" data-print-qr role="img" aria-label={t("checklistQr")} dangerouslySetInnerHTML={{ __html: qr }} />
      </div>
      <div className="no-print mb-6 flex flex-wrap items-center gap-4">
        <PrintButton label={t("print")} />
        <p className="text-muted">{t("printHint")}</p>
      </div>
      <h2 className="mb-2 text-2xl font-bold">{t("documentsHeading")}</h2>
      <p className="mb-3">{t("checklistIntro")}</p>
      {service.documents.length > 0 ? (
        <DocumentList locale={locale} documents={service.documents} labels={await documentLabels(locale)} checkboxes />
      ) : (
        <p>{t("noDocuments")}</p>
      )}
      <p className="mt-4 max-w-3xl font-semibold">{t("documentsComplete")}</p>
      <h2 className="mt-8 mb-2 text-2xl font-bold">{t("stepsHeading")}</h2>
      <ol className="max-w-3xl list-decimal ps-6">
        {service.steps.map((s, i) => (
          <li key={i}>
            {localized(s.text, locale)}
            {s.onlyIf ? <span className="text-muted"> ({t("onlyIf")}: {localized(s.onlyIf, locale)})</span> : null}
          </li>
        ))}
      </ol>
      <p className="no-print mt-8">
        <Link prefetch={false} className="link inline-flex min-h-11 items-center" href={localePath(locale, `/services/${service.slug}`)}>
          {t("backToService")}
        </Link>
      </p>
    </article>
  );
}
