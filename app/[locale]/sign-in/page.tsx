import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { getActor } from "@/lib/auth/session";
import { safeReturnTo } from "@/lib/auth/return-to";
import { homePathFor } from "@/lib/auth/accounts";
import { requestCodeAction } from "@/lib/auth/actions";
import { Form } from "@/components/forms/form";
import { Submit, TextInput } from "@/components/forms/fields";
import { NotificationBanner } from "@/components/ui/notification-banner";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("SignIn.title");

/** Step 1 of signing in: the mobile number. */
export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const locale = await pageLocale(params);
  const query = await searchParams;
  const returnTo = safeReturnTo(query.returnTo);
  const actor = await getActor();
  if (actor) redirect(returnTo ?? localePath(locale, homePathFor(actor.role)));

  const t = await getTranslations({ locale, namespace: "SignIn" });
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const banner = query.signedOut === "1" ? t("signedOut") : query.signedOut === "all" ? t("signedOutAll") : query.expired === "1" ? t("expiredBanner") : null;
  return (
    <div className="max-w-2xl">
      {banner ? (
        <NotificationBanner title={query.expired === "1" ? ui("important") : ui("success")} tone={query.expired === "1" ? "info" : "success"}>
          <p>{banner}</p>
        </NotificationBanner>
      ) : null}
      <p className="mb-2 text-lg text-muted">{t("title")}</p>
      <Form action={requestCodeAction} schema="sign-in-phone" errors={["Auth.phone", "SignIn"]} hidden={{ returnTo: returnTo ?? "" }}>
        <TextInput
          name="phone"
          type="tel"
          label={t("phoneHeading")}
          labelAsHeading
          hint={t("phoneHint")}
          autoComplete="tel-national"
          inputMode="tel"
          spellCheck={false}
          dir="ltr"
          className="max-w-xs text-start"
        />
        <Submit>{t("sendCode")}</Submit>
      </Form>
      <p className="mt-8 text-muted">{t("noAccountNeeded")}</p>
    </div>
  );
}
