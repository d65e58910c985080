import "server-only";
import { desc, eq } from "drizzle-orm";
import { interviewBookings } from "@/lib/db/schema";
import type { MyFileSource } from "@/lib/cases/my-file";
import type { TagTone } from "@/lib/cases/tones";
import type { BookingStatus } from "./rules";

const tones: Record<BookingStatus, TagTone> = {
  confirmed: "green",
  pendingCode: "yellow",
  cancelled: "red",
  rescheduled: "grey",
  completed: "blue",
  noShow: "grey",
};

/** Remote-interview bookings in "my file" (moved ones are represented by their new booking). */
export const bookingSource: MyFileSource = {
  id: "interviews",
  async list({ db, userId, now }) {
    const rows = await db.select().from(interviewBookings).where(eq(interviewBookings.citizenId, userId)).orderBy(desc(interviewBookings.startsAt)).limit(100);
    return rows
      .filter((b) => b.status !== "rescheduled")
      .map((b) => ({
        key: `booking:${b.id}`,
        source: "interviews",
        kindKey: "Interviews.kindName",
        title: b.subject,
        reference: b.reference,
        statusKey: `Booking.status.${b.status}`,
        tone: tones[b.status],
        href: `/interviews/${b.id}`,
        date: b.startsAt,
        dateKey: "MyFile.interviewOn",
        open: (b.status === "confirmed" || b.status === "pendingCode") && b.endsAt > now,
      }));
  },
};
