import "server-only";
import { AppError } from "@/lib/errors";
import type { PaymentConfirmation } from "./contract";
import { decodeCursor, encodeCursor } from "./key-format";
import type { PartnerCall } from "./server";
import type { z } from "zod";

/**
 * Bookings (lib/interviews) and payments (lib/payments) are other domains: the app hands their
 * functions in (app/_partner-api/wiring.ts), and the operations below shape their answers.
 */
export type BookingRow = {
  id: string;
  reference: string;
  topic: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  needsInterpreter: boolean;
  caseReference: string | null;
};

export type PartnerPorts = {
  bookings(opts: { bodyId: string; from: Date; after: { at: Date; id: string } | null; limit: number }): Promise<BookingRow[]>;
  /** Null when the payment has no bill payable to the body (or does not exist). */
  confirmPayment(opts: { payee: string; reference: string }): Promise<z.input<typeof PaymentConfirmation> | null>;
};

export async function listBookings(call: PartnerCall<"listBookings">, ports: PartnerPorts) {
  const { from, cursor, limit } = call.query;
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw new AppError("validation", { fields: { cursor: "PartnerApi.errors.cursor" } });
  const rows = await ports.bookings({ bodyId: call.key.bodyId, from: from ? new Date(from) : call.now, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((b) => ({
      reference: b.reference,
      topic: b.topic,
      status: b.status,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      needsInterpreter: b.needsInterpreter,
      caseReference: b.caseReference,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.startsAt, last.id) : null,
  };
}

export async function confirmPayment(call: PartnerCall<"confirmPayment">, ports: PartnerPorts) {
  call.subject.ref = call.params.reference;
  const answer = await ports.confirmPayment({ payee: call.key.bodyId, reference: call.params.reference });
  if (!answer) throw new AppError("notFound");
  return answer;
}
