import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { OfflineVerifier, type VerifierLabels } from "@/components/documents/offline-verifier";
import { billerIds } from "@/lib/bills/billers";

/** The kinds of signed documents the checker names (messages DocumentCheck.kinds). */
const SIGNED_KINDS = ["payment-receipt", "certificate", "submission-receipt", "permit-decision"] as const;

export async function generateMetadata({ params }: PageProps<"/[locale]/verify">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "Verify" }))("title") };
}

/**
 * Type a code from a paper receipt, or paste / scan the long code its QR carries. Prerendered and
 * kept by the service worker (lib/pwa/cache-policy.ts), so the long code is checked in the browser
 * with no network; the short code goes through a plain GET form to the server, JavaScript or not.
 */
export default async function VerifyFormPage({ params }: PageProps<"/[locale]/verify">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Verify" });
  const d = await getTranslations({ locale, namespace: "DocumentCheck" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const r = await getTranslations({ locale, namespace: "Receipt" });
  const b = await getTranslations({ locale, namespace: "Bills" });
  // Placeholders stay placeholders: the checker fills them on the phone (lib/shell/enhance `fill`).
  const labels: VerifierLabels = {
    codeRequired: t("codeRequired"),
    errorPrefix: ui("errorPrefix"),
    checking: d("checking"),
    noTrust: d("noTrust"),
    cameraUnavailable: d("cameraUnavailable"),
    listLive: d("listLive"),
    listStored: d("listStored", { date: "{date}" }),
    genuine: d("genuine"),
    genuineText: d("genuineText"),
    altered: d("altered"),
    alteredText: d("alteredText"),
    revoked: d("revoked"),
    revokedText: d("revokedText", { date: "{date}", asOf: "{asOf}" }),
    revokedLiveText: d("revokedLiveText", { date: "{date}" }),
    unknownKey: d("unknownKey"),
    unknownKeyText: d("unknownKeyText"),
    malformed: d("malformed"),
    malformedText: d("malformedText"),
    kind: d("kind"),
    documentCode: d("documentCode"),
    holder: d("holder"),
    issued: t("issued"),
    validUntil: d("validUntil"),
    reference: r("reference"),
    total: r("total"),
    bill: b("bill", { reference: "{reference}" }),
    kinds: Object.fromEntries(SIGNED_KINDS.map((k) => [k, d(`kinds.${k}`)])),
    billers: Object.fromEntries(billerIds.map((p) => [p, b(`billers.${p}.short`)])),
  };
  const words = { code: t("code"), codeHint: d("codeHint"), submit: t("submit"), scan: d("scan"), scanStop: d("scanStop"), scanHelp: d("scanHelp") };
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{d("lead")}</p>
      <OfflineVerifier locale={locale} action="/api/documents/lookup" words={words} labels={labels} />
    </>
  );
}
