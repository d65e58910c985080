import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { requirePageActor } from "@/lib/auth/session";
import { safeReturnTo } from "@/lib/auth/return-to";
import { homePathFor } from "@/lib/auth/accounts";
import { completeOnboardingAction } from "@/lib/auth/actions";
import { WelcomeForm } from "@/components/auth/welcome-form";
import { languageOptions } from "@/components/auth/languages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Welcome.title");

/** First sign-in: the person's name and language (requirePageActor sends newcomers here). */
export default async function WelcomePage({ params, searchParams }: PageProps<"/[locale]/welcome">) {
  const locale = await pageLocale(params);
  const returnTo = safeReturnTo((await searchParams).returnTo);
  const actor = await requirePageActor(locale, localePath(locale, "/welcome"), { allowOnboarding: true });
  if (!actor.needsOnboarding) redirect(returnTo ?? localePath(locale, homePathFor(actor.role)));

  const t = await getTranslations({ locale, namespace: "Welcome" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const errors = await getTranslations({ locale, namespace: "Errors" });
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 text-lg">{t("lead")}</p>
      <WelcomeForm
        action={completeOnboardingAction}
        returnTo={returnTo}
        languages={languageOptions}
        defaultLanguage={locale}
        labels={{
          nameLabel: t("nameLabel"),
          nameHint: t("nameHint"),
          languageLegend: t("languageLegend"),
          languageHint: t("languageHint"),
          submit: t("continue"),
          summaryTitle: errors("summaryTitle"),
          errorPrefix: ui("errorPrefix"),
        }}
      />
    </div>
  );
}
