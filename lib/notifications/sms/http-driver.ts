import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import type { SmsDriver, SmsMessage } from "./types";

/**
 * Production: an SMS gateway over HTTP. The contract (what an operator's gateway, or a small
 * proxy in front of it, must accept):
 *
 *     POST {SMS_HTTP_URL}
 *     Authorization: Bearer {SMS_HTTP_TOKEN}
 *     Content-Type: application/json
 *     { "to": "+21698123456", "text": "…", "sender": "Idarti", "language": "ar", "encoding": "ucs2" }
 *
 *     → any 2xx means accepted; anything else, a network error or no answer within
 *       SMS_HTTP_TIMEOUT_MS means not sent.
 *
 * `text` is the message wrapped in the template of its language (SMS_HTTP_TEMPLATE_AR/FR/EN,
 * `{text}` replaced), e.g. an operator-approved prefix. `encoding` is `gsm7` when every character
 * fits the GSM 03.38 alphabet, else `ucs2` (Arabic always is): it sets the length of a segment.
 */
export type HttpSmsConfig = {
  url: string;
  token?: string;
  sender: string;
  templates: Record<Locale, string>;
  timeoutMs: number;
  fetch?: typeof fetch;
};

export function httpDriver(config: HttpSmsConfig): SmsDriver {
  const doFetch = config.fetch ?? fetch;
  return {
    async send(message: SmsMessage) {
      const text = config.templates[message.locale].split("{text}").join(message.text);
      const body = {
        to: message.to,
        text,
        sender: config.sender,
        language: message.locale.slice(0, 2),
        encoding: isGsm7(text) ? "gsm7" : "ucs2",
      };
      let response: Response;
      try {
        response = await doFetch(config.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (error) {
        throw new AppError("unavailable", { cause: error });
      }
      // Drain the body so the connection is reused.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new AppError("unavailable", { cause: new Error(`SMS gateway answered ${response.status}`) });
    },
  };
}

// GSM 03.38 basic set and its extension table (the extension characters count twice, but fit).
const GSM7 = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€",
);

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM7.has(ch)) return false;
  return true;
}
