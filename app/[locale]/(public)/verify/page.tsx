import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { billerKeys } from "@/components/payments/labels";
import { OfflineVerifier } from "@/components/documents/offline-verifier";

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
  const tu = await getTranslations({ locale, namespace: "Ui" });
  const d = await getTranslations({ locale, namespace: "DocumentCheck" });
  const tr = await getTranslations({ locale, namespace: "Receipt" });
  const tb = await getTranslations({ locale, namespace: "Bills" });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{d("lead")}</p>
      <OfflineVerifier
        locale={locale}
        action="/api/documents/lookup"
        labels={{
          code: t("code"),
          codeHint: d("codeHint"),
          codeRequired: t("codeRequired"),
          errorPrefix: tu("errorPrefix"),
          submit: t("submit"),
          scan: d("scan"),
          scanStop: d("scanStop"),
          scanHelp: d("scanHelp"),
          cameraUnavailable: d("cameraUnavailable"),
          checking: d("checking"),
          noTrust: d("noTrust"),
          listLive: d("listLive"),
          listStored: d.raw("listStored") as string,
          genuine: d("genuine"),
          genuineText: d("genuineText"),
          altered: d("altered"),
          alteredText: d("alteredText"),
          revoked: d("revoked"),
          revokedText: d.raw("revokedText") as string,
          revokedLiveText: d.raw("revokedLiveText") as string,
          unknownKey: d("unknownKey"),
          unknownKeyText: d("unknownKeyText"),
          malformed: d("malformed"),
          malformedText: d("malformedText"),
          kind: d("kind"),
          kinds: { "payment-receipt": d("kinds.payment-receipt"), certificate: d("kinds.certificate"), "submission-receipt": d("kinds.submission-receipt") },
          documentCode: d("documentCode"),
          holder: d("holder"),
          issued: t("issued"),
          validUntil: d("validUntil"),
          reference: tr("reference"),
          total: tr("total"),
          billers: Object.fromEntries(billerKeys.map((k) => [k, tb(`billers.${k}.short`)])),
          bill: tb.raw("bill") as string,
        }}
      />
    </>
  );
}
