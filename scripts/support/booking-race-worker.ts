// One "app instance" of the cross-process race (booking-instances.test.ts): its own process, its
// own pool of connections to the shared PostgreSQL, booking one slot for each citizen it is
// given, all at once, at the agreed instant. Prints one JSON line: how many it won and lost.
import { openDatabase } from "@/lib/db/open";
import { bookInterview } from "@/lib/interviews/booking";

async function main() {
  const [url, officialId, startMs, nowMs, goAt, ...citizens] = process.argv.slice(2);
  const database = await openDatabase({ url: url!, migrate: false });
  await new Promise((r) => setTimeout(r, Math.max(0, Number(goAt) - Date.now())));
  const results = await Promise.allSettled(
    citizens.map((citizenId) =>
      bookInterview({
        db: database.db,
        citizenId,
        body: "steg",
        topic: "billing",
        needsInterpreter: false,
        choice: { officialId: officialId!, interpreterId: null, start: new Date(Number(startMs)) },
        subject: "race",
        reminderChannels: [],
        idempotencyKey: crypto.randomUUID(),
        now: new Date(Number(nowMs)),
      }),
    ),
  );
  const lost = results.filter((r) => r.status === "rejected");
  const taken = lost.filter((r) => (r.reason as { messageKey?: string })?.messageKey === "Booking.errors.slotTaken").length;
  console.info(JSON.stringify({ won: results.length - lost.length, taken, other: lost.length - taken }));
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
