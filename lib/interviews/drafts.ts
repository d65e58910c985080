import "server-only";
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/open";
import { interviewBookings, interviewDrafts, interviewFiles, uploads } from "@/lib/db/schema";
import { claimDraftUploads, listDraftUploads, type UploadRow } from "@/lib/documents/uploads/save";

/**
 * The subject step's answers (subject, reminder channels) and files, kept under the booking
 * form's idempotency key until the citizen confirms; confirming moves the files to the booking
 * and forgets the draft, in the booking's transaction.
 */
export type BookingDraft = { key: string; subject: string; reminderChannels: ("sms" | "push")[]; uploads: UploadRow[] };

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isDraftKey = (key: string): boolean => KEY.test(key);

export async function saveBookingDraft(opts: { db: Db | Tx; userId: string; key: string; subject: string; reminderChannels: ("sms" | "push")[]; now: Date }): Promise<void> {
  const values = { subject: opts.subject, reminderChannels: opts.reminderChannels, updatedAt: opts.now };
  await opts.db
    .insert(interviewDrafts)
    .values({ userId: opts.userId, key: opts.key, ...values })
    .onConflictDoUpdate({ target: [interviewDrafts.userId, interviewDrafts.key], set: values });
}

export async function loadBookingDraft(opts: { db: Db | Tx; userId: string; key: string }): Promise<BookingDraft | null> {
  if (!isDraftKey(opts.key)) return null;
  const [row] = await opts.db.select().from(interviewDrafts).where(and(eq(interviewDrafts.userId, opts.userId), eq(interviewDrafts.key, opts.key)));
  if (!row) return null;
  const files = await listDraftUploads({ db: opts.db, ownerId: opts.userId, draftKey: opts.key });
  return { key: row.key, subject: row.subject, reminderChannels: row.reminderChannels.filter((c): c is "sms" | "push" => c === "sms" || c === "push"), uploads: files };
}

/** Inside the booking's transaction: the draft's files become the booking's, the draft goes. */
export async function attachDraftToBooking(tx: Tx, opts: { userId: string; key: string; bookingId: string }): Promise<number> {
  const ids = await claimDraftUploads({ db: tx, ownerId: opts.userId, draftKey: opts.key });
  if (ids.length) await tx.insert(interviewFiles).values(ids.map((uploadId) => ({ uploadId, bookingId: opts.bookingId })));
  await tx.delete(interviewDrafts).where(and(eq(interviewDrafts.userId, opts.userId), eq(interviewDrafts.key, opts.key)));
  return ids.length;
}

/** A rescheduled booking keeps its documents: they follow it to the new booking. */
export async function moveBookingFiles(tx: Tx, opts: { from: string; to: string }): Promise<void> {
  await tx.update(interviewFiles).set({ bookingId: opts.to }).where(eq(interviewFiles.bookingId, opts.from));
}

export async function listBookingFiles(opts: { db: Db | Tx; bookingId: string }): Promise<UploadRow[]> {
  const links = await opts.db.select({ id: interviewFiles.uploadId }).from(interviewFiles).where(eq(interviewFiles.bookingId, opts.bookingId));
  if (!links.length) return [];
  return opts.db
    .select()
    .from(uploads)
    .where(and(inArray(uploads.id, links.map((l) => l.id)), isNull(uploads.removedAt)))
    .orderBy(asc(uploads.createdAt));
}

/**
 * The one rule for reading a booking's documents: the reader is on the booking (its citizen, its
 * official, its interpreter) and the file is one of this booking's. Anyone else — another
 * official of the same body, an admin, another citizen — gets nothing.
 */
export async function readableBookingFiles(opts: { db: Db | Tx; bookingId: string; userId: string }): Promise<UploadRow[] | null> {
  if (!KEY.test(opts.bookingId)) return null;
  const [b] = await opts.db
    .select({ citizenId: interviewBookings.citizenId, officialId: interviewBookings.officialId, interpreterId: interviewBookings.interpreterId })
    .from(interviewBookings)
    .where(eq(interviewBookings.id, opts.bookingId));
  if (!b || (b.citizenId !== opts.userId && b.officialId !== opts.userId && b.interpreterId !== opts.userId)) return null;
  return listBookingFiles({ db: opts.db, bookingId: opts.bookingId });
}

/** Subject steps never confirmed, older than the retention (their files go with the uploads' own sweep). */
export async function pruneBookingDrafts(opts: { db: Db; before: Date }): Promise<number> {
  const gone = await opts.db.delete(interviewDrafts).where(lt(interviewDrafts.updatedAt, opts.before)).returning({ key: interviewDrafts.key });
  return gone.length;
}
