import { createTranslator } from "next-intl";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import type { NotificationType } from "./types";

/**
 * The texts of a notification, made when it is delivered or shown, in the reader's language
 * (users.locale for push and SMS, the page's language in the inbox). Stored values whose name
 * ends in `Key` are message keys (a kind's name, a status) and are translated first; those ending
 * in `At` are instants, written as a date and time in Africa/Tunis in the reader's language; those
 * ending in `Millimes` are amounts, written as money in the reader's language (`{total}`).
 */
const catalogs = { "ar-TN": ar, "fr-TN": fr, en } as const;

export type RenderedNotification = { title: string; body: string; sms: string };

export function renderNotification(opts: { type: NotificationType | string; data: Record<string, string>; locale: string }): RenderedNotification {
  const locale: Locale = isLocale(opts.locale) ? opts.locale : defaultLocale;
  const t = createTranslator({ locale, messages: catalogs[locale] }) as unknown as ((key: string, values?: Record<string, string>) => string) & {
    has: (key: string) => boolean;
  };
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(opts.data)) {
    if (name.endsWith("Key")) values[name.slice(0, -3)] = t.has(value) ? t(value) : value;
    else if (name.endsWith("At") && !Number.isNaN(Date.parse(value))) values[name] = formatDate(value, locale, "dateTime");
    else if (name.endsWith("Millimes") && /^\d+$/.test(value)) values[name.slice(0, -"Millimes".length)] = formatMoney(Number(value), locale);
    else values[name] = value;
  }
  const base = `Notifications.types.${opts.type}`;
  if (!t.has(`${base}.title`)) return { title: opts.type, body: "", sms: "" };
  return { title: t(`${base}.title`, values), body: t(`${base}.body`, values), sms: t(`${base}.sms`, values) };
}
