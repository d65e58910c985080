import { CERTIFICATE_KIND, type CertificateData } from "@/lib/documents/certificates";
import { SUBMISSION_RECEIPT_KIND, type SubmissionReceiptData } from "@/lib/documents/submission-receipts";
import { PERMIT_DECISION_KIND, type PermitDecisionData } from "@/lib/documents/permit-decisions";
import { municipalityName } from "@/lib/municipalities/municipalities";
import { groupHash } from "@/lib/cases/kinds/document-submission/checklist";
import { findCertificateType } from "@/lib/cases/kinds/certificate-request/types";
import { maskName } from "@/lib/documents/compact";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { contentLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { verifyCode } from "@/lib/documents/verify";
import { LinkButton } from "@/components/ui/button";
import { isBillerKey } from "@/components/payments/labels";
import { pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/verify/[code]">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "Verify" }))("title"), robots: { index: false, follow: false } };
}

type ReceiptData = { paymentReference?: string; paidAt?: string; totalMillimes?: number; items?: { payee: string; reference: string; amountMillimes: number }[] };

/**
 * Anyone holding a receipt (a STEG agent, a landlord, the citizen) checks it here. It shows only
 * what is needed to compare with the paper: no name, no phone number.
 */
export default async function VerifyPage({ params }: PageProps<"/[locale]/verify/[code]">) {
  const locale = await pageLocale(params);
  const { code: raw } = await params;
  const code = decodeURIComponent(raw).slice(0, 40);
  const t = await getTranslations({ locale, namespace: "Verify" });
  const tr = await getTranslations({ locale, namespace: "Receipt" });
  const tb = await getTranslations({ locale, namespace: "Bills" });
  const d = await getTranslations({ locale, namespace: "DocumentCheck" });
  const result = await verifyCode({ code });
  // A revoked document is ours and unaltered: its details are shown under the "revoked" banner.
  const document = result.genuine || result.why === "revoked" ? result.document : null;
  const data = (document?.data ?? {}) as ReceiptData;
  // A certificate (issue 16): what it is and for whom, in the page's language; the name masked.
  const certificate = document?.kind === CERTIFICATE_KIND ? (document.data as unknown as CertificateData) : null;
  const certificateType = certificate ? findCertificateType(certificate.type) : null;
  const c = await getTranslations({ locale, namespace: "CertificateRequest.pdf" });
  // A scanned submission's receipt (issue 16): the case, the date that counts, every file's SHA-256.
  const submission = document?.kind === SUBMISSION_RECEIPT_KIND ? (document.data as unknown as SubmissionReceiptData) : null;
  const sr = await getTranslations({ locale, namespace: "DocumentSubmission.pdf" });
  // A building-permit decision (issue 17): the decision, the file, the municipality, the area — the applicant masked.
  const permit = document?.kind === PERMIT_DECISION_KIND ? (document.data as unknown as PermitDecisionData) : null;
  const pv = await getTranslations({ locale, namespace: "Permits" });
  const lang = contentLocale(locale);
  const signed = Boolean(certificate || submission || permit);
  return (
    <>
      {result.genuine ? (
        <div className="mb-8 bg-success p-6 text-white" role="status">
          <h1 className="mb-2 text-3xl font-bold">{signed ? d("genuine") : t("genuineTitle")}</h1>
          <p className="text-lg">{signed ? d("genuineText") : t("genuineText")}</p>
        </div>
      ) : result.why === "revoked" ? (
        <div className="mb-8 border-8 border-danger p-6" role="alert">
          <h1 className="mb-2 text-3xl font-bold">{d("revokedTitle")}</h1>
          <p className="text-lg">{d("revokedServerText", { date: formatDate(result.revokedAt, locale, "dateTime") })}</p>
        </div>
      ) : (
        <div className="mb-8 border-8 border-danger p-6" role="alert">
          <h1 className="mb-2 text-3xl font-bold">{t("notGenuineTitle")}</h1>
          <p className="text-lg">{t("notGenuineText")}</p>
        </div>
      )}
      <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,max-content)_1fr]">
        <dt className="text-muted">{t("codeChecked")}</dt>
        <dd className="mb-2 font-mono font-semibold sm:mb-0">
          <bdi>{code}</bdi>
        </dd>
        {document ? (
          <>
            <dt className="text-muted">{t("issued")}</dt>
            <dd className="mb-2 sm:mb-0">{formatDate(document.issuedAt, locale, "dateTime")}</dd>
            {certificate ? (
              <>
                <dt className="text-muted">{c("certifies")}</dt>
                <dd className="mb-2 font-semibold sm:mb-0">{certificateType ? certificateType.name[contentLocale(locale)] : <bdi>{certificate.type}</bdi>}</dd>
                <dt className="text-muted">{c("holder")}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi>{maskName(certificate.holder)}</bdi>
                </dd>
                <dt className="text-muted">{c("reference")}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi dir="ltr">{certificate.reference}</bdi>
                </dd>
                <dt className="text-muted">{c("validUntil")}</dt>
                <dd className="mb-2 sm:mb-0">{formatDate(certificate.validUntil, locale, "date")}</dd>
              </>
            ) : null}
            {permit ? (
              <>
                <dt className="text-muted">{pv("verify.decision")}</dt>
                <dd className="mb-2 font-semibold sm:mb-0" data-permit-decision={permit.decision}>
                  {pv(`pdf.${permit.decision}`)}
                </dd>
                <dt className="text-muted">{pv("verify.reference")}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi dir="ltr">{permit.reference}</bdi>
                </dd>
                <dt className="text-muted">{pv("verify.municipality")}</dt>
                <dd className="mb-2 sm:mb-0">{municipalityName(permit.bodyId, lang) ?? <bdi>{permit.bodyId}</bdi>}</dd>
                <dt className="text-muted">{pv("verify.area")}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi>{permit.addressArea}</bdi>
                </dd>
                <dt className="text-muted">{pv("pdf.holder")}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi>{maskName(permit.holder)}</bdi>
                </dd>
                <dt className="text-muted">{pv("verify.decidedAt")}</dt>
                <dd className="mb-2 sm:mb-0">{formatDate(permit.decidedAt, locale, "dateTime")}</dd>
              </>
            ) : null}
            {submission ? (
              <>
                <dt className="text-muted">{sr("procedure")}</dt>
                <dd className="mb-2 font-semibold sm:mb-0">{submission.title[lang]}</dd>
                <dt className="text-muted">{sr("reference")}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi dir="ltr">{submission.reference}</bdi>
                </dd>
                <dt className="text-muted">{sr("holder")}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi>{maskName(submission.holder)}</bdi>
                </dd>
                <dt className="text-muted">{sr("receivedAt")}</dt>
                <dd className="mb-2 sm:mb-0">{formatDate(submission.receivedAt, locale, "dateTime")}</dd>
                {submission.addition ? (
                  <>
                    <dt className="text-muted">{sr("originalReceivedAt")}</dt>
                    <dd className="mb-2 sm:mb-0">{formatDate(submission.originalReceivedAt, locale, "dateTime")}</dd>
                  </>
                ) : null}
                {submission.files.map((f) => (
                  <div key={f.upload} className="contents">
                    <dt className="text-muted">{submission.documents.find((x) => x.id === f.document)?.name[lang] ?? f.document}</dt>
                    <dd className="mb-2 sm:mb-0">
                      <bdi>{f.name}</bdi>
                      <code dir="ltr" className="block break-all text-sm" data-sha256={f.sha256}>
                        SHA-256 {groupHash(f.sha256)}
                      </code>
                    </dd>
                  </div>
                ))}
              </>
            ) : null}
            {data.paymentReference ? (
              <>
                <dt className="text-muted">{tr("reference")}</dt>
                <dd className="mb-2 font-semibold sm:mb-0">
                  <bdi>{data.paymentReference}</bdi>
                </dd>
              </>
            ) : null}
            {(data.items ?? []).map((i) => (
              <div key={`${i.payee}:${i.reference}`} className="contents">
                <dt className="text-muted">{isBillerKey(i.payee) ? tb(`billers.${i.payee}.short`) : i.payee}</dt>
                <dd className="mb-2 sm:mb-0">
                  <bdi>{tb("bill", { reference: i.reference })}</bdi> — {formatMoney(i.amountMillimes, locale)}
                </dd>
              </div>
            ))}
            {typeof data.totalMillimes === "number" ? (
              <>
                <dt className="text-muted">{tr("total")}</dt>
                <dd className="mb-2 font-semibold sm:mb-0">{formatMoney(data.totalMillimes, locale)}</dd>
              </>
            ) : null}
            {data.paidAt ? (
              <>
                <dt className="text-muted">{tr("date")}</dt>
                <dd>{formatDate(data.paidAt, locale, "dateTime")}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      <LinkButton href={localePath(locale, "/verify")} variant="secondary">
        {t("checkAnother")}
      </LinkButton>
    </>
  );
}
