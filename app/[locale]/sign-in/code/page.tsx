import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { formatPhoneLocal } from "@/lib/i18n/format";
import { pendingChallenge } from "@/lib/auth/pending";
import { safeReturnTo, withReturnTo } from "@/lib/auth/return-to";
import { resendCodeAction, verifyCodeAction } from "@/lib/auth/actions";
import { CodeForm } from "@/components/auth/code-form";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("SignIn.codeTitle");

/** Step 2 of signing in: the code from the SMS. Only for the browser that asked for it. */
export default async function CodePage({ params, searchParams }: PageProps<"/[locale]/sign-in/code">) {
  const locale = await pageLocale(params);
  const returnTo = safeReturnTo((await searchParams).returnTo);
  const pending = await pendingChallenge();
  if (!pending) {
    const back = withReturnTo(localePath(locale, "/sign-in"), returnTo);
    redirect(`${back}${back.includes("?") ? "&" : "?"}expired=1`);
  }

  const t = await getTranslations({ locale, namespace: "SignIn" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const errors = await getTranslations({ locale, namespace: "Errors" });
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-lg text-muted">{t("title")}</p>
      <CodeForm
        verify={verifyCodeAction}
        resend={resendCodeAction}
        returnTo={returnTo}
        labels={{
          heading: t("codeHeading"),
          // U+2066/U+2069 isolate the number inside Arabic text (a string prop cannot carry <bdi>).
          hint: t("codeHint", { phone: `\u2066${formatPhoneLocal(pending.phone)}\u2069` }),
          submit: t("signIn"),
          summaryTitle: errors("summaryTitle"),
          errorPrefix: ui("errorPrefix"),
          notReceived: t("notReceived"),
          notReceivedText: t("notReceivedText"),
          resend: t("resend"),
          resent: t("resent"),
          success: ui("success"),
        }}
      />
      <p className="mt-6">
        <Link href={withReturnTo(localePath(locale, "/sign-in"), returnTo)} className="inline-flex min-h-11 items-center text-link underline">
          {t("changeNumber")}
        </Link>
      </p>
    </div>
  );
}
