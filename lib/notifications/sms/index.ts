import "server-only";
import { getDb } from "@/lib/db/client";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { httpDriver } from "./http-driver";
import { outboxDriver, readOutbox, type OutboxEntry } from "./outbox-driver";
import type { SmsDriver, SmsMessage } from "./types";

/**
 * Sending text messages. One function for everyone (sign-in codes, notifications):
 *
 *     await sendSms({ to: "+21698123456", text: t("…"), locale: "ar-TN" });
 *
 * The driver comes from SMS_DRIVER: `outbox` (default; stored, shown at /dev/sms in demo mode and in development)
 * or `http` (a gateway, see http-driver.ts for its contract). It resolves when the message was
 * accepted and throws AppError("unavailable") when it was not: never swallow that, tell the
 * person (or retry later, for notifications).
 */
export async function sendSms(message: SmsMessage): Promise<void> {
  if (!/^\+216[23459]\d{7}$/.test(message.to)) throw new AppError("validation", { messageKey: "Errors.codes.validation" });
  if (message.text.trim() === "") throw new AppError("validation");
  try {
    await driver().send(message);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unavailable", { cause: error });
  }
}

/**
 * Whether /dev/sms exists (the page answers 404 otherwise): the outbox driver, in demo mode or
 * under `next dev` (a developer signs in without setting anything). Never on a production or
 * test server without demo mode: the page shows sign-in codes.
 */
export function smsOutboxVisible(settings: Pick<Env, "DEMO_MODE" | "SMS_DRIVER" | "NODE_ENV"> = env()): boolean {
  return settings.SMS_DRIVER === "outbox" && (settings.DEMO_MODE || settings.NODE_ENV === "development");
}

/** The latest outbox messages, newest first (for /dev/sms; where smsOutboxVisible). */
export async function listSmsOutbox(opts: { to?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
  if (!smsOutboxVisible()) throw new AppError("notFound");
  const { db } = await getDb();
  return readOutbox(db, opts);
}

let cached: SmsDriver | undefined;

function driver(): SmsDriver {
  if (cached) return cached;
  const e = env();
  if (e.SMS_DRIVER === "http") {
    cached = httpDriver({
      url: e.SMS_HTTP_URL!,
      token: e.SMS_HTTP_TOKEN,
      sender: e.SMS_HTTP_SENDER,
      templates: { "ar-TN": e.SMS_HTTP_TEMPLATE_AR, "fr-TN": e.SMS_HTTP_TEMPLATE_FR, en: e.SMS_HTTP_TEMPLATE_EN },
      timeoutMs: e.SMS_HTTP_TIMEOUT_MS,
    });
  } else {
    cached = outboxDriver(async () => (await getDb()).db);
  }
  return cached;
}

export type { SmsMessage, SmsDriver } from "./types";
export type { OutboxEntry } from "./outbox-driver";
