import { getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/routing";
import type { OutboxNoticeLabels } from "@/components/outbox/outbox-notice";
import { UPLOAD_LIMITS, acceptAttribute } from "@/lib/documents/uploads/limits";
import type { AttachmentsSpec, RequestFormLabels } from "./request-form";

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
      queuedKioskTitle: o("queuedKioskTitle"),
      queuedKioskBody: o("queuedKioskBody"),
      unsentLink: o("unsentLink"),
      unsentHref: localePath(locale, "/my/unsent"),
      sentTitle: o("sentTitle"),
      sentBody: o("sentBody"),
      openCase: o("openCase"),
      refusedTitle: o("refusedTitle"),
    },
  };
}

/**
 * The attachments field of the complaint and suggestion forms (up to 5 photos or PDFs): the limits
 * said before a file is chosen, and the files of the draft kept when the citizen comes back to change an answer.
 */
export async function requestAttachments(locale: Locale, uploads: readonly { id: string; label: string }[]): Promise<AttachmentsSpec> {
  const r = await getTranslations({ locale, namespace: "Requests" });
  const u = await getTranslations({ locale, namespace: "Uploads" });
  return {
    label: u("label"),
    hint: `${r("attachments.limits", { max: UPLOAD_LIMITS.maxFiles })} ${r("attachments.needsNetwork")}`,
    accept: acceptAttribute,
    currentLabel: r("attachments.current"),
    current: uploads.map((f) => ({ id: f.id, label: f.label, removeLabel: r("attachments.remove", { name: f.label }) })),
  };
}

/** A localized data label ({ar, fr, en}) in the page's language. */
export function pick(text: { ar: string; fr: string; en: string }, locale: Locale): string {
  return locale === "ar-TN" ? text.ar : locale === "fr-TN" ? text.fr : text.en;
}
