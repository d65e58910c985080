import "server-only";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { maskName } from "@/lib/documents/compact";
import { documentSigningKey } from "@/lib/documents/keys";
import { offlineVerificationUrl, signOfflineToken } from "@/lib/documents/offline-token";
import type { SignedPdfInput } from "@/lib/documents/pdf";
import { verificationUrl } from "@/lib/documents/qr";
import { groupHash } from "@/lib/cases/kinds/document-submission/checklist";
import type { SubmissionReceipt } from "@/lib/documents/submission-receipts";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { bodyName, rootTranslator } from "@/components/cases/labels";

/**
 * A submission receipt as a PDF, made from the signed document only, in the page's language (ar
 * or fr; en reads the French data). Times are shown in Africa/Tunis (lib/i18n/format), stored UTC.
 * Its QR carries the signed receipt for the offline check (ADR 0017): the reference, the number of
 * files and the original date of receipt as `certifies`.
 */
export async function submissionReceiptPdfInput(doc: SubmissionReceipt, pageLocale: Locale): Promise<SignedPdfInput> {
  const locale: Locale = pageLocale === "ar-TN" ? "ar-TN" : "fr-TN";
  const lang = locale === "ar-TN" ? "ar" : "fr";
  const t = await getTranslations({ locale, namespace: "DocumentSubmission.pdf" });
  const root = await rootTranslator(locale);
  const d = doc.data;
  const token = signOfflineToken(documentSigningKey(), {
    kind: "submission-receipt",
    code: doc.code,
    issuedAt: Math.floor(doc.issuedAt.getTime() / 1000),
    holder: maskName(d.holder),
    certifies: [d.reference, d.files.length, Math.floor(Date.parse(d.originalReceivedAt) / 1000)],
    validUntil: null,
  });
  const docName = (id: string) => d.documents.find((x) => x.id === id)?.name[lang] ?? id;
  return {
    dir: lang === "ar" ? "rtl" : "ltr",
    lang: locale,
    title: d.addition === 0 ? t("title") : t("additionTitle", { n: d.addition }),
    subtitle: bodyName(root, d.bodyId),
    sections: [
      {
        rows: [
          { label: t("procedure"), value: d.title[lang] },
          { label: t("reference"), value: d.reference },
          { label: t("holder"), value: d.holder },
          { label: t("receivedAt"), value: formatDate(d.receivedAt, locale, "dateTime") },
          ...(d.addition === 0 ? [] : [{ label: t("originalReceivedAt"), value: formatDate(d.originalReceivedAt, locale, "dateTime") }]),
        ],
      },
      {
        heading: t("filesHeading", { count: d.files.length }),
        rows: d.files.map((f) => ({ label: docName(f.document), value: `${f.name}\nSHA-256 ${groupHash(f.sha256)}` })),
      },
    ],
    verification: { url: verificationUrl(env().APP_URL, doc.code), qr: offlineVerificationUrl(env().APP_URL, token), code: doc.code, heading: t("verifyHeading"), text: t("verifyText") },
    footer: [t("footer")],
  };
}
