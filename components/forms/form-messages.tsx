import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { TIME_ZONE } from "@/lib/clock/zone";

/**
 * The messages a form's client leaf reads with next-intl's `useTranslations`, and only those
 * (ADR 0018): the kit's own words, the generic error codes, and the `errors` of the namespaces the
 * form's schema uses — its zod messages are message keys, translated on the phone with the same
 * text the server action would send back. A whole namespace more only where a leaf shows its
 * words (the outbox notice). Everything else stays on the server.
 */
const ALWAYS = ["Forms", "Errors.summaryTitle", "Errors.codes", "TextInput.errors"];

export async function FormMessages({ errors = [], namespaces = [], children }: { errors?: readonly string[]; namespaces?: readonly string[]; children: ReactNode }) {
  const all = await getMessages();
  const messages = pickMessages(all, [...ALWAYS, ...errors.map((ns) => `${ns}.errors`), ...namespaces]);
  return (
    <NextIntlClientProvider locale={await getLocale()} messages={messages} timeZone={TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}

/** The listed paths ("A.b.c") of a messages tree, in a tree of the same shape. */
export function pickMessages(all: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const out: AbstractIntlMessages = {};
  for (const path of paths) {
    const parts = path.split(".");
    let from: unknown = all;
    for (const p of parts) from = from && typeof from === "object" ? (from as Record<string, unknown>)[p] : undefined;
    if (from === undefined) continue;
    let to = out as Record<string, unknown>;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) to[p] = from;
      // A copy on the way down: never write into the request's own messages.
      else to = to[p] = { ...((to[p] as Record<string, unknown> | undefined) ?? {}) };
    });
  }
  return out;
}
