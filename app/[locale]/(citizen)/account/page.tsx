import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localePath } from "@/lib/i18n/routing";
import { formatPhoneLocal } from "@/lib/i18n/format";
import { requirePageActor } from "@/lib/auth/session";
import { accountOverview } from "@/lib/auth/account-view";
import { updateAccountAction } from "@/lib/auth/actions";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { Form } from "@/components/forms/form";
import { Checkboxes, Radios, Submit, TextInput } from "@/components/forms/fields";
import { languageOptions } from "@/components/auth/languages";
import { buttonClass } from "@/components/ui/button";
import { Ltr } from "@/components/ui/user-text";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

export const generateMetadata = titled("Account.title");

/** The signed-in person's account: details, language, notifications, devices. Every role has one. */
export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const locale = await pageLocale(params);
  const actor = await requirePageActor(locale, localePath(locale, "/account"));
  const { profile, devices } = await accountOverview(actor);
  if (!profile) notFound();

  const t = await getTranslations({ locale, namespace: "Account" });
  const so = await getTranslations({ locale, namespace: "SignOut" });
  const signOutLabels = { unsentTitle: so("unsentTitle"), unsentText: so("unsentText"), sendNow: so("sendNow"), keep: so("keep"), delete: so("delete"), cancel: so("cancel"), sending: so("sending"), failed: so("failed") };
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-2 border-b border-line pb-6 sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className="font-semibold">{t("phoneLabel")}</dt>
        <dd>
          <Ltr nowrap>{formatPhoneLocal(profile.phone)}</Ltr>
          <p className="text-muted">{t("phoneHint")}</p>
        </dd>
        {actor.role !== "citizen" ? (
          <>
            <dt className="font-semibold">{t("roleLabel")}</dt>
            <dd>{t(`roles.${actor.role}`)}</dd>
          </>
        ) : null}
      </dl>
      <Form action={updateAccountAction} schema="account" errors={["Welcome"]} success={t("saved")}>
        <h2 className="mb-4 text-2xl font-bold">{t("detailsHeading")}</h2>
        <TextInput name="name" label={t("nameLabel")} defaultValue={profile.name ?? ""} autoComplete="name" maxLength={200} />
        <Radios name="language" label={t("languageLegend")} options={languageOptions} defaultValue={profile.locale} />
        <h2 className="mb-2 text-2xl font-bold">{t("notificationsHeading")}</h2>
        <Checkboxes name="notifySms" label={t("notificationsHint")} options={[{ value: "on", label: t("smsLabel") }]} defaultValue={profile.notifySms ? ["on"] : []} />
        <Submit>{t("save")}</Submit>
      </Form>
      {/* Web push settings (/account/notifications) are added by the notifications work: link them here. */}
      <section aria-labelledby="devices-heading" className="mt-10 border-t border-line pt-6">
        <h2 id="devices-heading" className="mb-2 text-2xl font-bold">
          {t("devicesHeading")}
        </h2>
        <p className="mb-4">{t("devicesText", { count: devices })}</p>
        <div className="flex flex-col gap-6">
          <SignOutForm locale={locale} userId={actor.userId} hint={t("signOutHint")} className={buttonClass("secondary")} labels={{ signOut: t("signOut"), ...signOutLabels }} />
          <SignOutForm locale={locale} userId={actor.userId} everywhere hint={t("signOutEverywhereHint")} className={buttonClass("warning")} labels={{ signOut: t("signOutEverywhere"), ...signOutLabels }} />
        </div>
      </section>
    </div>
  );
}
