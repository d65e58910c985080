import "server-only";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { findCertificateType } from "@/lib/cases/kinds/certificate-request/types";
import type { CertificateData } from "@/lib/documents/certificates";
import { maskName } from "@/lib/documents/compact";
import { documentSigningKey } from "@/lib/documents/keys";
import { offlineVerificationUrl, signOfflineToken } from "@/lib/documents/offline-token";
import type { SignedPdfInput } from "@/lib/documents/pdf";
import { verificationUrl } from "@/lib/documents/qr";
import type { IssuedDocument } from "@/lib/documents/store";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { bodyName, rootTranslator } from "@/components/cases/labels";

/**
 * What a certificate says, in the language it was asked in (not the page's): the PDF is made
 * from the signed document only. Its QR carries the signed certificate itself for the offline
 * check (docs/adr/0017): type and request as `certifies`, the holder's name masked.
 */
export async function certificatePdfInput(doc: IssuedDocument & { data: CertificateData }): Promise<SignedPdfInput> {
  const locale: Locale = doc.data.language === "ar" ? "ar-TN" : "fr-TN";
  const t = await getTranslations({ locale, namespace: "CertificateRequest.pdf" });
  const root = await rootTranslator(locale);
  const type = findCertificateType(doc.data.type);
  const lang = doc.data.language;
  const token = signOfflineToken(documentSigningKey(), {
    kind: "certificate",
    code: doc.code,
    issuedAt: Math.floor(doc.issuedAt.getTime() / 1000),
    holder: maskName(doc.data.holder),
    certifies: [doc.data.type, doc.data.reference],
    validUntil: Math.floor(Date.parse(doc.data.validUntil) / 1000),
  });
  return {
    dir: lang === "ar" ? "rtl" : "ltr",
    lang: locale,
    title: type?.name[lang] ?? doc.data.type,
    subtitle: bodyName(root, doc.data.bodyId),
    sections: [
      { rows: [{ label: t("certifies"), value: type?.certifies[lang] ?? "" }] },
      {
        rows: [
          { label: t("holder"), value: doc.data.holder },
          { label: t("reference"), value: doc.data.reference },
          { label: t("issuedAt"), value: formatDate(doc.issuedAt, locale, "dateTime") },
          { label: t("validUntil"), value: formatDate(doc.data.validUntil, locale, "date") },
          ...(doc.data.purpose ? [{ label: t("purpose"), value: doc.data.purpose }] : []),
        ],
      },
    ],
    verification: { url: verificationUrl(env().APP_URL, doc.code), qr: offlineVerificationUrl(env().APP_URL, token), code: doc.code, heading: t("verifyHeading"), text: t("verifyText") },
    footer: [t("footer"), ...(doc.data.demo ? [t("demo")] : [])],
  };
}
