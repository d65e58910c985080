import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { openDatabase } from "@/lib/db/open";
import { users } from "@/lib/db/schema";
import { TIME_ZONE } from "@/lib/i18n/format";
import { loadOfficials, saveAvailability } from "./availability";
import { offerSlots } from "./slots";

/**
 * Two instances against one PostgreSQL (CI: TEST_DATABASE_URL): two processes, each with its own
 * connection pool, race 10 + 10 citizens for one slot at the same instant. Exactly one booking.
 */
const url = process.env.TEST_DATABASE_URL;

function worker(args: string[]): Promise<{ won: number; taken: number; other: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/support/booking-race-worker.ts", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`race worker exited ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!));
    });
  });
}

describe.skipIf(!url)("booking across two instances on PostgreSQL", () => {
  it("20 citizens on two instances, one slot: exactly one booking", async () => {
    const database = await openDatabase({ url });
    const { db } = database;
    const now = new Date("2026-06-15T06:00:00Z");
    const phone = () => `+2165${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const [official] = await db.insert(users).values({ phone: phone(), role: "official", bodyId: "steg", officialLevel: "regional" }).returning();
    await saveAvailability({
      db,
      userId: official!.id,
      settings: { slotMinutes: 30, bufferMinutes: 10, horizonDays: 14, minNoticeMinutes: 60, topics: ["billing"], active: true },
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 })),
    });
    const citizens = await db.insert(users).values(Array.from({ length: 20 }, () => ({ phone: phone() }))).returning({ id: users.id });
    const officials = (await loadOfficials({ db, bodyIds: ["steg"], topic: "billing", now })).filter((o) => o.id === official!.id);
    const slot = offerSlots({ officials, interpreters: null, now, timeZone: TIME_ZONE })[0]!;
    await database.close();

    const goAt = String(Date.now() + 4000); // both processes have started and connected by then
    const common = [url!, official!.id, String(slot.start.getTime()), String(now.getTime()), goAt];
    const [a, b] = await Promise.all([worker([...common, ...citizens.slice(0, 10).map((c) => c.id)]), worker([...common, ...citizens.slice(10).map((c) => c.id)])]);
    expect(a.won + b.won).toBe(1);
    expect(a.taken + b.taken).toBe(19);
    expect(a.other + b.other).toBe(0);
  }, 90_000);
});
