import "server-only";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import type { PermitDecisionData } from "@/lib/documents/permit-decisions";
import type { SignedPdfInput } from "@/lib/documents/pdf";
import { verificationUrl } from "@/lib/documents/qr";
import type { IssuedDocument } from "@/lib/documents/store";
import { formatDate } from "@/lib/i18n/format";
import { contentLocale, type Locale } from "@/lib/i18n/routing";
import { municipalityName } from "@/lib/municipalities/municipalities";

/**
 * A building-permit decision as a PDF, in the reader's language, made from the signed document
 * only (never from the live case); its QR leads to /verify with the code.
 */
export async function permitDecisionPdfInput(doc: IssuedDocument & { data: PermitDecisionData }, locale: Locale): Promise<SignedPdfInput> {
  const t = await getTranslations({ locale, namespace: "Permits" });
  const d = doc.data;
  const lang = contentLocale(locale);
  const text = d.text ? [{ label: t(d.decision === "refused" ? "pdf.reasons" : "pdf.conditions"), value: d.text }] : [];
  return {
    dir: lang === "ar" ? "rtl" : "ltr",
    lang: locale,
    title: t("pdf.title"),
    subtitle: municipalityName(d.bodyId, lang) ?? d.bodyId,
    sections: [
      { rows: [{ label: t("pdf.decision"), value: t(`pdf.${d.decision}`) }, ...text] },
      {
        rows: [
          { label: t("pdf.reference"), value: d.reference },
          { label: t("pdf.holder"), value: d.holder },
          { label: t("pdf.address"), value: `${d.address} — ${d.addressArea}` },
          { label: t("pdf.works"), value: t(`worksTypes.${d.worksType}` as never) },
          { label: t("pdf.floorArea"), value: `${d.floorArea} m²` },
          { label: t("pdf.architect"), value: d.architectRegistration },
          ...(d.completeOn ? [{ label: t("pdf.completeOn"), value: formatDate(d.completeOn, locale, "date") }] : []),
          { label: t("pdf.decidedAt"), value: formatDate(d.decidedAt, locale, "dateTime") },
        ],
      },
    ],
    verification: { url: verificationUrl(env().APP_URL, doc.code), code: doc.code, heading: t("pdf.verifyHeading"), text: t("pdf.verifyText") },
    footer: [t("pdf.footer")],
  };
}
