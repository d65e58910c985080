import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { NotificationBanner } from "./notification-banner";

/**
 * What an action posted from a list page did, after its redirect (`?outcome=…`): `done` says what
 * succeeded; `failed` is the one refusal these actions give (not allowed, e.g. on one's own account).
 */
export async function OutcomeBanner({ locale, done, failed }: { locale: Locale; done: string | null; failed: boolean }) {
  const ui = await getTranslations({ locale, namespace: "Ui" });
  const errors = await getTranslations({ locale, namespace: "Errors" });
  if (done !== null)
    return (
      <NotificationBanner title={ui("success")} tone="success">
        <p>{done}</p>
      </NotificationBanner>
    );
  if (!failed) return null;
  return (
    <NotificationBanner title={ui("important")} tone="warning">
      <p>{errors("codes.forbidden")}</p>
    </NotificationBanner>
  );
}
