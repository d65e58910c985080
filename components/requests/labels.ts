import { getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/routing";
import type { OutboxNoticeLabels } from "@/components/outbox/outbox-notice";
import type { RequestFormLabels } from "./request-form";

/** The strings every requests form needs, in the page's language (server side). */
export async function requestFormLabels(locale: Locale, submit: string): Promise<{ labels: RequestFormLabels; outboxLabels: OutboxNoticeLabels }> {
  const r = await getTranslations({ locale, namespace: "Requests" });
  const o = await getTranslations({ locale, namespace: "Outbox" });
  const e = await getTranslations({ locale, namespace: "Errors" });
  return {
    labels: { errorTitle: e("summaryTitle"), errorPrefix: r("errorPrefix"), submit, sending: r("sending"), draftNote: o("draftNote"), refused: o("refused") },
    outboxLabels: {
      queuedTitle: o("queuedTitle"),
      queuedBody: o("queuedBody"),
      unsentLink: o("unsentLink"),
      unsentHref: localePath(locale, "/my/unsent"),
      sentTitle: o("sentTitle"),
      sentBody: o("sentBody"),
      openCase: o("openCase"),
      refusedTitle: o("refusedTitle"),
    },
  };
}

/** A localized data label ({ar, fr, en}) in the page's language. */
export function pick(text: { ar: string; fr: string; en: string }, locale: Locale): string {
  return locale === "ar-TN" ? text.ar : locale === "fr-TN" ? text.fr : text.en;
}
