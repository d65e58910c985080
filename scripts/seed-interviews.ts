import { eq, inArray } from "drizzle-orm";
import { interviewHosts, interviewWeekly, users } from "@/lib/db/schema";
import type { Db } from "@/lib/db/open";

/**
 * Demo availability for remote interviews, as weekly patterns (so it is always "the coming
 * days", whenever the seed ran): the STEG and SONEDE officials and the sign-language
 * interpreter take interviews Monday to Saturday, 08:30–12:30 and 14:00–16:00 (Tunis time).
 * Idempotent: a host who already has settings keeps them.
 */
const hosts = [
  { phone: "+21620000003", topics: ["billing", "connection", "meter"] },
  { phone: "+21620000004", topics: ["billing", "connection", "quality"] },
  { phone: "+21620000006", topics: [] },
];

export async function seedInterviewDemo(db: Db): Promise<number> {
  const rows = await db.select({ id: users.id, phone: users.phone }).from(users).where(inArray(users.phone, hosts.map((h) => h.phone)));
  let added = 0;
  for (const host of hosts) {
    const user = rows.find((r) => r.phone === host.phone);
    if (!user) continue;
    const [existing] = await db.select({ userId: interviewHosts.userId }).from(interviewHosts).where(eq(interviewHosts.userId, user.id));
    if (existing) continue;
    await db.transaction(async (tx) => {
      await tx.insert(interviewHosts).values({ userId: user.id, slotMinutes: 30, bufferMinutes: 10, horizonDays: 21, minNoticeMinutes: 60, topics: host.topics });
      await tx.insert(interviewWeekly).values(
        [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
          { userId: user.id, weekday, startMinute: 8 * 60 + 30, endMinute: 12 * 60 + 30 },
          { userId: user.id, weekday, startMinute: 14 * 60, endMinute: 16 * 60 },
        ]),
      );
    });
    added++;
  }
  return added;
}
