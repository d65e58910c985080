import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { formatPhoneLocal } from "@/lib/i18n/format";
import { pendingChallenge } from "@/lib/auth/pending";
import { safeReturnTo, withReturnTo } from "@/lib/auth/return-to";
import { CodeForm } from "@/components/auth/code-form";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";
import { FormMessages } from "@/components/forms/form-messages";

export const generateMetadata = titled("SignIn.codeTitle");

/** The words of the code form (components/auth/code-form.tsx). */
const CODE_FORM_WORDS = ["SignIn.codeHeading", "SignIn.codeHint", "SignIn.signIn", "SignIn.notReceived", "SignIn.notReceivedText", "SignIn.resend", "SignIn.resent", "Ui.success"];

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
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-lg text-muted">{t("title")}</p>
      <FormMessages errors={["SignIn"]} namespaces={CODE_FORM_WORDS}>
        <CodeForm phone={formatPhoneLocal(pending.phone)} returnTo={returnTo} />
      </FormMessages>
      <p className="mt-6">
        <Link href={withReturnTo(localePath(locale, "/sign-in"), returnTo)} className="inline-flex min-h-11 items-center text-link underline">
          {t("changeNumber")}
        </Link>
      </p>
    </div>
  );
}
