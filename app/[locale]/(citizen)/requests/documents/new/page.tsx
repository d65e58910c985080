import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { getService } from "@/lib/catalogue/catalogue";
import { scannedSubmissionPayload } from "@/lib/catalogue/scanned";
import { submitScannedAction } from "@/lib/catalogue/scanned-actions";
import { checklistOf } from "@/lib/cases/kinds/document-submission/checklist";
import { documentField } from "@/lib/cases/kinds/document-submission/schema";
import { SCAN_LIMITS, scannedDraftFiles } from "@/lib/documents/scanned-submissions";
import { acceptAttribute } from "@/lib/documents/uploads/limits";
import { contentLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { withErrorPrefix } from "@/lib/i18n/page-title";
import { newIdempotencyKey } from "@/lib/outbox/keys";
import { bodyName, rootTranslator } from "@/components/cases/labels";
import { Form } from "@/components/forms/form";
import { Checkboxes, FileInput, Submit } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { UserText } from "@/components/ui/user-text";

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
  const payload = scannedSubmissionPayload(service);
  const held = await scannedDraftFiles({ userId: actor.userId, draftKey: key });
  const checklist = checklistOf(payload.documents, held);
  const missing = checklist.filter((i) => i.missing).length;
  return (
    <>
      <Breadcrumbs
        label={root("MyFile.breadcrumbs")}
        items={[{ href: localePath(locale, `/services/${service.slug}`), text: service.title[lang] }, { text: t("title") }]}
      />
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-2 text-xl font-semibold">{service.title[lang]}</p>
      <p className="mb-6 max-w-2xl text-lg">{t("lead", { body: bodyName(root, service.body) })}</p>

      <section aria-labelledby="checklist-heading" className="mb-8 max-w-2xl">
        <h2 id="checklist-heading" className="mb-2 text-xl font-bold">
          {t("checklist.heading")}
        </h2>
        <p className="mb-3" role="status">
          {missing ? t("checklist.missingCount", { count: missing }) : t("checklist.complete")}
        </p>
        <ul className="flex flex-col gap-2" data-checklist>
          {checklist.map((item) => (
            <li key={item.document.id} data-document={item.document.id} data-state={item.files.length ? "attached" : item.missing ? "missing" : "optional"} className="border-s-4 border-line ps-3">
              <span className="font-semibold">{item.document.name[lang]}</span>
              {" — "}
              {item.files.length ? (
                <span>
                  {t("checklist.attached", { count: item.files.length })}{" "}
                  {item.files.map((f, i) => (
                    <span key={f.id}>
                      {i ? ", " : ""}
                      <UserText>{f.label}</UserText>
                    </span>
                  ))}
                </span>
              ) : item.missing ? (
                <strong className="text-danger">{t("checklist.missing")}</strong>
              ) : (
                <span className="text-muted">{t("checklist.optional")}</span>
              )}
            </li>
          ))}
        </ul>
      </section>

      <Form action={submitScannedAction} schema="document-submission" hidden={{ service: service.slug, draftKey: key }} errors={["DocumentSubmission", "Uploads", "Outbox", "Cases"]} className="max-w-2xl">
        {held.length ? (
          <Checkboxes
            name="removeUpload"
            label={t("remove.label")}
            options={held.map((f) => ({ value: f.id, label: <UserText>{t("remove.option", { name: f.label })}</UserText> }))}
          />
        ) : null}
        {service.documents.map((d) => (
          <FileInput
            key={d.id}
            name={documentField(d.id)}
            label={d.name[lang]}
            hint={[d.onlyIf?.[lang], t("fileHint", { max: SCAN_LIMITS.maxPerDocument })].filter(Boolean).join(" · ")}
            accept={acceptAttribute}
            multiple
          />
        ))}
        <p className="mb-4 text-sm text-muted">{t("sendNote")}</p>
        <Submit>{t("submit")}</Submit>
      </Form>
    </>
  );
}
