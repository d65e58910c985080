import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { requirePageActor } from "@/lib/auth/session";
import { safeReturnTo } from "@/lib/auth/return-to";
import { homePathFor } from "@/lib/auth/accounts";
import { completeOnboardingAction } from "@/lib/auth/actions";
import { Form } from "@/components/forms/form";
import { Radios, Submit, TextInput } from "@/components/forms/fields";
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
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-8 text-lg">{t("lead")}</p>
      <Form action={completeOnboardingAction} schema="welcome" errors={["Welcome"]} hidden={{ returnTo: returnTo ?? "" }}>
        <TextInput name="name" label={t("nameLabel")} hint={t("nameHint")} autoComplete="name" maxLength={200} />
        <Radios name="language" label={t("languageLegend")} hint={t("languageHint")} options={languageOptions} defaultValue={locale} />
        <Submit>{t("continue")}</Submit>
      </Form>
    </div>
  );
}
