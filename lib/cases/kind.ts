import type { z } from "zod";
import type { DeadlineRule } from "./deadline";
import type { GuardContext, Machine } from "./machine";
import type { Tx } from "@/lib/db/open";
import type { cases } from "@/lib/db/schema";

export type CasePlace = { municipalityId?: string | null; governorateId?: string | null; delegationId?: string | null; point?: { lat: number; lon: number } | null };

/** What entering a state does besides the case itself, in the transaction of the change. */
export type EnterEffect = (ctx: { tx: Tx; case: typeof cases.$inferSelect; now: Date; message: string | null }) => Promise<unknown>;

/**
 * What a kind of case declares. A new kind is a folder `lib/cases/kinds/<kind>/` exporting one
 * of these, added to `lib/cases/kinds/index.ts`; staff screens, my file, notifications,
 * statistics and the audit log then work for it without further code.
 */
export type CaseKind<P = unknown, S extends string = string> = {
  /** Stable id stored on every case, e.g. "question". Lower-case, kebab-case. */
  id: string;
  /** Validates the citizen's payload on the server. Messages are message keys. */
  schema: z.ZodType<P>;
  machine: Machine<S>;
  deadline: DeadlineRule<P>;
  /**
   * Which body's queue receives a new case (a catalogue body id, e.g. "steg"), and the service
   * house it concerns when the payload names one (its agents follow the case; lib/cases/access.ts).
   */
  route: (payload: P) => { bodyId: string; houseId?: string | null };
  /**
   * Where the case is, for a case routed to "the municipality" (the catalogue's generic body):
   * the citizen's choice of municipality, the place's governorate, delegation and GPS point. The
   * engine places it in one `municipality-<slug>` (lib/cases/engine/place.ts); a kind without it
   * is placed by the service house it is filed at, or waits for an admin to place it.
   */
  place?: (payload: P) => CasePlace;
  /**
   * Whether staff may send a case of this kind to another body's queue, and what that does to the
   * deadline (an adjustment name of `deadline.adjustments`) and the status (e.g. back to received).
   */
  redirect?: {
    adjustment?: (payload: P) => string | null;
    toStatus?: S;
    guard?: (ctx: GuardContext) => string | null;
  };
  messages: {
    /** The kind's name, e.g. "Question.kindName". */
    name: string;
    /** Labels of the payload fields shown on the case page, by field name. */
    fields: Record<string, string>;
  };
  /**
   * Effects of entering a state, committed with the change or not at all (a certificate issued
   * when approved, marked revoked when revoked). Server code only: a kind with effects keeps its
   * schema in a module of its own for the phone (components/forms/schemas.ts).
   */
  onEnter?: Partial<Record<S, EnterEffect>>;
  /**
   * Filed only through the kind's own form, never by the outbox's generic endpoint: its payload is
   * composed on the server (a scanned submission's list of documents comes from the catalogue).
   */
  formOnly?: boolean;
  /** A short title for lists (my file, queues): plain text from the payload, no markup. */
  title: (payload: P) => string;
  /**
   * Fields shown on the case page, in order: [field name, value as plain text]. `dataLang` picks
   * one language of the administration's two-language data (a category's name) for the page;
   * without it both are given.
   */
  describe: (payload: P, dataLang?: "ar" | "fr") => [field: string, value: string][];
};

export function defineKind<P, const S extends string>(kind: CaseKind<P, S>): CaseKind<P, S> {
  if (!/^[a-z][a-z0-9-]*$/.test(kind.id)) throw new Error(`kind id ${kind.id} must be kebab-case`);
  for (const t of kind.machine.transitions) {
    if (t.adjustment && !kind.deadline.adjustments?.[t.adjustment]) {
      throw new Error(`kind ${kind.id}: transition to ${t.to} uses unknown deadline adjustment ${t.adjustment}`);
    }
  }
  return kind;
}

// The registry stores kinds with their own payload types erased.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = CaseKind<any, string>;
