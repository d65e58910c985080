import "server-only";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/open";
import { notificationDeliveries, notifications, pushSubscriptions, users } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { localePath, isLocale, defaultLocale } from "@/lib/i18n/routing";
import { renderNotification } from "./render";

/**
 * The dispatcher: delivers the push and SMS rows of the notifications outbox.
 *
 * 1. Claim a batch of due rows in a short transaction: `FOR UPDATE SKIP LOCKED`, so two app
 *    instances on one PostgreSQL never take the same row, then `claimed_until` = now + 2 min, so a
 *    row stays theirs while they send (outside any transaction: a slow gateway never holds locks;
 *    PGlite, one process, runs one transaction at a time).
 * 2. Send each, and record the outcome per channel: sent, skipped (nothing to send to), or a
 *    failure retried with exponential backoff (30 s, 1 min, 2 min … capped at 6 h) until
 *    MAX_ATTEMPTS, then failed. A dispatcher that dies mid-send leaves claimed rows that are
 *    taken again when the claim expires.
 */
export const MAX_ATTEMPTS = 8;
export const CLAIM_MS = 2 * 60_000;

export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

export type PushTarget = { endpoint: string; keys: { p256dh: string; auth: string } };
/** Sends one push message; `gone` means the subscription no longer exists (404/410): delete it. */
export type PushSender = (target: PushTarget, payload: string) => Promise<{ ok: true } | { ok: false; gone: boolean; error: string }>;
/** The SMS adapter's signature (lib/notifications/sms). */
export type SmsSender = (msg: { to: string; text: string; locale: string }) => Promise<unknown>;

export type Channels = { push?: PushSender | null; sms?: SmsSender | null };

export type DispatchReport = { claimed: number; sent: number; skipped: number; retried: number; failed: number };

type Claimed = {
  id: string;
  channel: string;
  attempts: number;
  notificationId: string;
  type: string;
  data: Record<string, string>;
  link: string | null;
  userId: string;
  phone: string;
  locale: string;
};

async function claim(database: Database, now: Date, batch: number): Promise<Claimed[]> {
  return database.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.status, "pending"),
          lte(notificationDeliveries.nextAttemptAt, now),
          or(isNull(notificationDeliveries.claimedUntil), lte(notificationDeliveries.claimedUntil, now)),
        ),
      )
      .orderBy(asc(notificationDeliveries.nextAttemptAt))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (!due.length) return [];
    const ids = due.map((d) => d.id);
    await tx
      .update(notificationDeliveries)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${notificationDeliveries.attempts} + 1` })
      .where(inArray(notificationDeliveries.id, ids));
    return tx
      .select({
        id: notificationDeliveries.id,
        channel: notificationDeliveries.channel,
        attempts: notificationDeliveries.attempts,
        notificationId: notifications.id,
        type: notifications.type,
        data: notifications.data,
        link: notifications.link,
        userId: users.id,
        phone: users.phone,
        locale: users.locale,
      })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(inArray(notificationDeliveries.id, ids));
  });
}

type Outcome = { kind: "sent" } | { kind: "skipped"; why: string } | { kind: "error"; error: string };

async function deliver(database: Database, row: Claimed, channels: Channels, appUrl: string): Promise<Outcome> {
  const locale = isLocale(row.locale) ? row.locale : defaultLocale;
  const text = renderNotification({ type: row.type, data: row.data, locale });
  if (row.channel === "sms") {
    if (!channels.sms) return { kind: "error", error: "no SMS adapter configured" };
    try {
      await channels.sms({ to: row.phone, text: text.sms, locale });
      return { kind: "sent" };
    } catch (error) {
      // A number the gateway can never reach is not worth retrying.
      if (isAppError(error) && error.code === "validation") return { kind: "skipped", why: "the phone number cannot receive SMS" };
      return { kind: "error", error: error instanceof Error ? error.message : String(error) };
    }
  }
  if (row.channel === "push") {
    if (!channels.push) return { kind: "skipped", why: "push is not configured" };
    const subs = await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, row.userId));
    if (!subs.length) return { kind: "skipped", why: "no subscription" };
    const url = new URL(localePath(locale, row.link ?? "/my/inbox"), appUrl).toString();
    const payload = JSON.stringify({ title: text.title, body: text.body, url, lang: locale, tag: row.notificationId });
    const errors: string[] = [];
    let delivered = 0;
    for (const sub of subs) {
      const r = await channels.push({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload);
      if (r.ok) {
        delivered++;
        await database.db.update(pushSubscriptions).set({ lastSuccessAt: new Date() }).where(eq(pushSubscriptions.id, sub.id));
      } else if (r.gone) {
        await database.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
      } else errors.push(r.error);
    }
    if (delivered) return { kind: "sent" };
    if (!errors.length) return { kind: "skipped", why: "every subscription has expired" };
    return { kind: "error", error: errors.join("; ").slice(0, 500) };
  }
  return { kind: "skipped", why: `unknown channel ${row.channel}` };
}

/** One pass: claim what is due, deliver it, record the outcome. Tests call it directly. */
export async function dispatchOnce(opts: { database: Database; now: Date; channels: Channels; appUrl: string; batch?: number }): Promise<DispatchReport> {
  const report: DispatchReport = { claimed: 0, sent: 0, skipped: 0, retried: 0, failed: 0 };
  const rows = await claim(opts.database, opts.now, opts.batch ?? 50);
  report.claimed = rows.length;
  for (const row of rows) {
    const outcome = await deliver(opts.database, row, opts.channels, opts.appUrl).catch((error: unknown): Outcome => ({ kind: "error", error: String(error) }));
    const where = eq(notificationDeliveries.id, row.id);
    if (outcome.kind === "sent") {
      report.sent++;
      await opts.database.db.update(notificationDeliveries).set({ status: "sent", sentAt: opts.now, claimedUntil: null, lastError: null }).where(where);
    } else if (outcome.kind === "skipped") {
      report.skipped++;
      await opts.database.db.update(notificationDeliveries).set({ status: "skipped", claimedUntil: null, lastError: outcome.why }).where(where);
    } else if (row.attempts >= MAX_ATTEMPTS) {
      report.failed++;
      await opts.database.db.update(notificationDeliveries).set({ status: "failed", claimedUntil: null, lastError: outcome.error.slice(0, 500) }).where(where);
    } else {
      report.retried++;
      await opts.database.db
        .update(notificationDeliveries)
        .set({ claimedUntil: null, lastError: outcome.error.slice(0, 500), nextAttemptAt: new Date(opts.now.getTime() + backoffMs(row.attempts)) })
        .where(where);
    }
  }
  return report;
}
