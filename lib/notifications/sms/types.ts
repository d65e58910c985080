import type { Locale } from "@/lib/i18n/routing";

/** One text message to one Tunisian mobile number. */
export type SmsMessage = {
  /** E.164, e.g. +21698123456 (lib/auth/phone `normalisePhone`). */
  to: string;
  /** The final text, already in the recipient's language. */
  text: string;
  /** The recipient's language: picks the gateway's template and encoding. */
  locale: Locale;
  /** Optional opaque label kept by the outbox driver (never sent to a gateway). */
  ref?: string;
};

export interface SmsDriver {
  /** Resolves once the message is accepted; throws AppError("unavailable") otherwise. */
  send(message: SmsMessage): Promise<void>;
}
