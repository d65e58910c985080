import { getTranslations } from "next-intl/server";
import type { CaseView } from "@/lib/cases/read";
import type { DocumentSubmissionPayload } from "@/lib/cases/kinds/document-submission/schema";
import { documentField } from "@/lib/cases/kinds/document-submission/schema";
import { caseReceipts, SCAN_LIMITS } from "@/lib/documents/scanned-submissions";
import { acceptAttribute } from "@/lib/documents/uploads/limits";
import { groupCode } from "@/lib/documents/codes";
import { formatDate } from "@/lib/i18n/format";
import { contentLocale, localePath, type Locale } from "@/lib/i18n/routing";
import type { FormRootProps } from "@/components/forms/form-root";
import { Form } from "@/components/forms/form";
import { FileInput, Submit } from "@/components/forms/fields";
import { Ltr } from "@/components/ui/user-text";

/**
 * A scanned submission's signed receipts on its case page (the citizen's and staff's): the date of
 * receipt that counts, then each receipt — the submission's, then each addition's — as a signed
 * PDF with its verification code.
 */
export async function SubmissionReceipts({ caseView, locale }: { caseView: CaseView; locale: Locale }) {
  if (caseView.row.kind !== "document-submission") return null;
  const t = await getTranslations({ locale, namespace: "DocumentSubmission" });
  const receipts = await caseReceipts(caseView.row.id);
  if (receipts.length === 0) return null;
  return (
    <section aria-labelledby="receipts-heading" className="mb-8">
      <h2 id="receipts-heading" className="mb-2 text-xl font-bold">
        {t("receipts.heading")}
      </h2>
      <p className="mb-4 font-semibold" data-received-at={caseView.row.submittedAt.toISOString()}>
        {t("receipts.counts", { date: formatDate(caseView.row.submittedAt, locale, "dateTime") })}
      </p>
      <ul className="flex flex-col gap-4">
        {receipts.map((r) => (
          <li key={r.code} data-receipt={r.data.addition}>
            <p className="font-semibold">
              {r.data.addition === 0 ? t("receipts.original") : t("receipts.addition", { n: r.data.addition })} —{" "}
              {t("receipts.received", { date: formatDate(r.data.receivedAt, locale, "dateTime"), count: r.data.files.length })}
            </p>
            <p className="flex flex-wrap items-center gap-x-4">
              <a className="link inline-flex min-h-11 items-center" href={`/api/submission-receipts/${r.code}?lang=${locale}`} download>
                {r.data.addition === 0 ? t("receipts.download") : t("receipts.downloadAddition", { n: r.data.addition })}
              </a>
              <span>
                {t("receipts.code")}{" "}
                <a className="link font-mono font-semibold" href={localePath(locale, `/verify/${r.code}`)} data-receipt-code={r.code}>
                  <Ltr>{groupCode(r.code)}</Ltr>
                </a>
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The citizen adds what staff asked for: one file field per listed document, sent with its own receipt. */
export async function DocumentAdditionForm({ caseView, locale, action }: { caseView: CaseView; locale: Locale; action: FormRootProps["action"] }) {
  if (caseView.row.kind !== "document-submission" || caseView.row.status !== "documentsRequested") return null;
  const t = await getTranslations({ locale, namespace: "DocumentSubmission" });
  const payload = caseView.row.payload as DocumentSubmissionPayload;
  const lang = contentLocale(locale);
  return (
    <section aria-labelledby="addition-heading" className="mb-8 max-w-2xl">
      <h2 id="addition-heading" className="mb-2 text-xl font-bold">
        {t("addition.heading")}
      </h2>
      <p className="mb-4">{t("addition.lead")}</p>
      <Form action={action} schema="document-addition" id="addition" hidden={{ reference: caseView.row.reference }} errors={["DocumentSubmission", "Uploads", "Cases"]}>
        {payload.documents.map((d) => (
          <FileInput key={d.id} name={documentField(d.id)} label={d.name[lang]} hint={t("fileHint", { max: SCAN_LIMITS.maxPerDocument })} accept={acceptAttribute} multiple />
        ))}
        <Submit>{t("addition.submit")}</Submit>
      </Form>
    </section>
  );
}

/** For the case's file list: the name of the listed document a file is, in the page's language. */
export function submissionDocumentName(caseView: CaseView, locale: Locale): ((slot: string) => string) | undefined {
  if (caseView.row.kind !== "document-submission") return undefined;
  const documents = (caseView.row.payload as DocumentSubmissionPayload).documents;
  const lang = contentLocale(locale);
  return (slot) => documents.find((d) => d.id === slot)?.name[lang] ?? slot;
}
