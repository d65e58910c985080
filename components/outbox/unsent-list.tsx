"use client";
import { useCallback, useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { browserOutbox, outboxAvailable, OUTBOX_EVENT } from "@/lib/outbox/client/browser";
import type { OutboxItem } from "@/lib/outbox/client/store";
import { TIME_ZONE } from "@/lib/clock/zone";

/** The submissions waiting on this phone (never on the server, so only this device lists them). Its words: the page's `Outbox` messages. */
export function UnsentList({ userId }: { userId: string }) {
  const t = useTranslations("Outbox");
  const locale = useLocale();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [available, setAvailable] = useState(true);

  const load = useCallback(async () => {
    const outbox = await browserOutbox(locale);
    setItems(await outbox.list(userId));
  }, [userId, locale]);

  useEffect(() => {
    if (!outboxAvailable()) {
      setAvailable(false);
      return;
    }
    void load().catch(() => setAvailable(false));
    const onChange = () => void load().catch(() => undefined);
    window.addEventListener(OUTBOX_EVENT, onChange);
    return () => window.removeEventListener(OUTBOX_EVENT, onChange);
  }, [load]);

  if (!available) return <p>{t("unavailable")}</p>;
  if (items === null) return null;
  if (items.length === 0) return <p data-unsent-empty>{t("empty")}</p>;

  const date = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(ms);

  return (
    <ul className="flex flex-col gap-4">
      {items.map((item) => (
        <li key={item.key} className="border-2 border-line p-4">
          <h2 className="text-lg font-bold">{item.title || t("untitled")}</h2>
          <p className="text-sm text-muted">{t("savedOn", { date: date(item.createdAt) })}</p>
          <p className="my-2 font-semibold">{item.state === "queued" ? t("waiting") : t("refusedItem")}</p>
          {item.rejection?.message ? <p className="mb-2">{item.rejection.message}</p> : null}
          <div className="flex flex-wrap gap-3">
            {item.state === "queued" ? (
              <button
                type="button"
                className="inline-flex min-h-11 items-center rounded-sm bg-brand px-4 font-semibold text-white"
                onClick={async () => {
                  const outbox = await browserOutbox(locale);
                  await outbox.flush({ userId });
                  await load();
                }}
              >
                {t("sendNow")}
              </button>
            ) : (
              <button
                type="button"
                className="inline-flex min-h-11 items-center rounded-sm bg-brand px-4 font-semibold text-white"
                onClick={async () => {
                  const outbox = await browserOutbox(locale);
                  const reopened = await outbox.reopen(item.key);
                  if (reopened) window.location.assign(reopened.formPath);
                }}
              >
                {t("correct")}
              </button>
            )}
            <button
              type="button"
              className="inline-flex min-h-11 items-center rounded-sm border-2 border-danger px-4 font-semibold text-danger"
              onClick={async () => {
                if (!window.confirm(t("removeConfirm"))) return;
                const outbox = await browserOutbox(locale);
                await outbox.remove(item.key);
                await load();
              }}
            >
              {t("remove")}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
