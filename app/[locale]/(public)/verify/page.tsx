import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { OfflineVerifier } from "@/components/documents/offline-verifier";
import { FormMessages } from "@/components/forms/form-messages";

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
/** The words the offline verifier (a client leaf) reads. */
const VERIFIER_WORDS = ["DocumentCheck", "Verify.code", "Verify.codeRequired", "Verify.submit", "Verify.issued", "Ui.errorPrefix", "Receipt.reference", "Receipt.total", "Bills.billers", "Bills.bill"];

export default async function VerifyFormPage({ params }: PageProps<"/[locale]/verify">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Verify" });
  const d = await getTranslations({ locale, namespace: "DocumentCheck" });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-3xl text-lg">{d("lead")}</p>
      <FormMessages namespaces={VERIFIER_WORDS}>
        <OfflineVerifier locale={locale} action="/api/documents/lookup" />
      </FormMessages>
    </>
  );
}
