import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { getService } from "@/lib/catalogue/catalogue";
import { env } from "@/lib/env";
import { submitScannedAction } from "@/lib/catalogue/scanned-actions";
import { scannedDraftFiles } from "@/lib/documents/scanned-submissions";
import { contentLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { withErrorPrefix } from "@/lib/i18n/page-title";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { ScannedDocumentsForm } from "@/components/documents/scanned-documents-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ExplainThisPage } from "@/components/assisted/explain-this-page";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/requests/documents/new">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "DocumentSubmission" });
  return { title: await withErrorPrefix(locale, t("title")), robots: { index: false, follow: false } };
}

const KEY = /^[A-Za-z0-9_-]{16,100}$/;

/**
 * Send a procedure's documents scanned (issue 16): the checklist of what the catalogue lists, one
 * file field per document, what is attached and what is still missing. The form's key is in the
 * address, so what was attached stays on the checklist across posts and reloads, with or without
 * JavaScript; sending fixes the date of receipt in a signed receipt.
 */
export default async function NewDocumentSubmissionPage({ params, searchParams }: PageProps<"/[locale]/requests/documents/new">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const slug = typeof query.service === "string" ? query.service : "";
  const service = getService(slug);
  if (!service?.scans) notFound();
  const basePath = `${localePath(locale, "/requests/documents/new")}?service=${encodeURIComponent(service.slug)}`;
  const actor = await requirePageActor(locale, basePath, { roles: ["citizen"] });
  const key = typeof query.key === "string" && KEY.test(query.key) ? query.key : null;
  if (!key) redirect(`${basePath}&key=${newIdempotencyKey()}`);

  const t = await getTranslations({ locale, namespace: "DocumentSubmission" });
  const root = await rootTranslator(locale);
  const lang = contentLocale(locale);
  const held = await scannedDraftFiles({ userId: actor.userId, draftKey: key });
  return (
    <>
      <Breadcrumbs
        label={root("MyFile.breadcrumbs")}
        items={[{ href: localePath(locale, `/services/${service.slug}`), text: service.title[lang] }, { text: t("title") }]}
      />
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-xl font-semibold">{service.title[lang]}</p>
      <p className="mb-6 max-w-2xl text-lg">{t("lead", { body: bodyName(root, service.body) })}</p>
      <ExplainThisPage locale={locale} step="documents.form" />

      <ScannedDocumentsForm locale={locale} service={service} held={held} action={submitScannedAction} hidden={{ service: service.slug, draftKey: key }} submit={t("submit")} uploads={{ userId: actor.userId, chunkBytes: env().UPLOAD_CHUNK_BYTES }} />
    </>
  );
}
