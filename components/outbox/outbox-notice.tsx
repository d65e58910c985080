"use client";
import { useLocale, useTranslations } from "next-intl";
import { localePath, isLocale, defaultLocale } from "@/lib/i18n/routing";
import type { OutboxStatus } from "@/components/forms/use-outbox";

/**
 * What happened to a submission, in plain words. A live region, so a screen reader hears it when
 * the phone gets the network back and the reference arrives. Its words: the `Outbox` messages
 * (the form kit provides them to forms with an outbox).
 */
export function OutboxNotice({ status }: { status: OutboxStatus }) {
  const t = useTranslations("Outbox");
  const current = useLocale();
  const locale = isLocale(current) ? current : defaultLocale;
  return (
    <div aria-live="polite" aria-atomic="true">
      {status.state === "queued" ? (
        <div className="mb-6 border-4 border-warning" data-outbox="queued">
          <p className="bg-warning px-4 py-1 font-semibold text-white">{atCorner() ? t("queuedKioskTitle") : t("queuedTitle")}</p>
          <div className="p-4">
            <p className="mb-2">{atCorner() ? t("queuedKioskBody") : t("queuedBody")}</p>
            <a className="link" href={localePath(locale, "/my/unsent")}>
              {t("unsentLink")}
            </a>
          </div>
        </div>
      ) : null}
      {status.state === "sent" ? (
        <div className="mb-6 border-4 border-success" data-outbox="sent">
          <p className="bg-success px-4 py-1 font-semibold text-white">{t("sentTitle")}</p>
          <div className="p-4">
            <p className="mb-2">
              {t("sentBody")}{" "}
              <strong className="text-xl">
                <bdi dir="ltr">{status.reference}</bdi>
              </strong>
            </p>
            <a className="link" href={status.url}>
              {t("openCase")}
            </a>
          </div>
        </div>
      ) : null}
      {status.state === "refused" ? (
        <div className="mb-6 border-4 border-danger p-4" data-outbox="refused">
          <p className="font-semibold">{t("refusedTitle")}</p>
          <p>{status.message}</p>
        </div>
      ) : null}
    </div>
  );
}

/** A browser enrolled as a self-service corner (its boot script marks the page). Only read after a send, in the browser. */
function atCorner(): boolean {
  return typeof document !== "undefined" && document.documentElement.dataset.kiosk === "1";
}
