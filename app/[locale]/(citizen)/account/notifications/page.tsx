import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { localePath } from "@/lib/i18n/routing";
import { subscribePush, unsubscribePush } from "@/lib/notifications/actions";
import { pushPublicKey } from "@/lib/notifications/queries";
import { PushSettings } from "@/components/notifications/push-settings";
import { LinkButton } from "@/components/ui/button";
import { pageLocale } from "@/lib/i18n/page-locale";
import { titled } from "@/lib/i18n/page-title";

// Personal: rendered for each request, never prerendered or cached.
export const dynamic = "force-dynamic";

export const generateMetadata = titled("Notifications.settings.title");

export default async function NotificationSettingsPage({ params }: PageProps<"/[locale]/account/notifications">) {
  const locale = await pageLocale(params);
  await requirePageActor(locale, localePath(locale, "/account/notifications"));
  const t = await getTranslations({ locale, namespace: "Notifications.settings" });
  const publicKey = pushPublicKey();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("lead")}</p>
      {publicKey ? (
        <>
          <noscript>
            <p className="mb-4">{t("noJs")}</p>
          </noscript>
          <PushSettings
            publicKey={publicKey}
            subscribe={subscribePush}
            unsubscribe={unsubscribePush}
            labels={{
              unsupported: t("unsupported"),
              enable: t("enable"),
              disable: t("disable"),
              enabled: t("enabled"),
              disabled: t("disabled"),
              denied: t("denied"),
              failed: t("failed"),
            }}
          />
        </>
      ) : (
        <p>{t("unavailable")}</p>
      )}
      <p className="mt-8">
        <LinkButton variant="secondary" href={localePath(locale, "/my")}>
          {t("openFile")}
        </LinkButton>
      </p>
    </>
  );
}
