import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { smsOutbox } from "@/lib/db/schema";
import type { SmsDriver, SmsMessage } from "./types";

/** Development, tests and demos: messages are stored and shown at /dev/sms, never sent. */
export function outboxDriver(getDb: () => Promise<Db>): SmsDriver {
  return {
    async send(message: SmsMessage) {
      const db = await getDb();
      // The stand-in's own reception time (not the test clock): /dev/sms lists newest first.
      await db.insert(smsOutbox).values({ to: message.to, text: message.text, locale: message.locale, ref: message.ref ?? null, createdAt: new Date() });
    },
  };
}

export type OutboxEntry = { id: string; to: string; text: string; locale: string; ref: string | null; createdAt: Date };

export async function readOutbox(db: Db, opts: { to?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const query = db.select().from(smsOutbox);
  const filtered = opts.to ? query.where(eq(smsOutbox.to, opts.to)) : query;
  return filtered.orderBy(desc(smsOutbox.createdAt)).limit(limit);
}
