import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { getDb } from "@/lib/db/client";
import { listCaseUploads } from "@/lib/documents/uploads/save";
import { recordStaffView, transitionsFor } from "./engine";
import { readMyFile, type MyFileSource } from "./my-file";
import { getCaseForViewer, lastStaffViews, listCaseEvents, listQueue, type QueueFilter } from "./read";

/**
 * What pages call: each function opens the database and reads the clock itself, so app/ never
 * touches either. Authorisation is in the engine's reads (a case of someone else is null → 404).
 */
async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}

export async function loadMyFile(opts: { actor: Actor; sources: readonly MyFileSource[] }) {
  const { db } = await getDb();
  return readMyFile({ db, userId: opts.actor.userId, now: await now(), sources: opts.sources });
}

/** A citizen's own case with its public timeline and the staff views; null when it is not theirs. */
export async function loadCitizenCase(opts: { actor: Actor; reference: string }) {
  if (opts.actor.role !== "citizen") return null;
  const { db } = await getDb();
  const at = await now();
  const caseView = await getCaseForViewer({ db, reference: opts.reference, viewer: opts.actor, now: at });
  if (!caseView) return null;
  const [events, views, attachments] = await Promise.all([
    listCaseEvents({ db, caseView }),
    lastStaffViews({ db, caseId: caseView.row.id }),
    listCaseUploads({ db, caseId: caseView.row.id, includeInternal: false }),
  ]);
  return { caseView, events, views, attachments, transitions: transitionsFor(caseView.row, opts.actor), now: at };
}

/** A case as staff of its body (or agents of the house it was filed at) see it. Opening it records the view (timeline + audit). */
export async function loadStaffCase(opts: { actor: Actor; reference: string }) {
  const { db } = await getDb();
  const at = await now();
  const first = await getCaseForViewer({ db, reference: opts.reference, viewer: opts.actor, now: at });
  if (!first || !first.asStaff) return null;
  await recordStaffView({ db, case: { id: first.row.id }, actor: opts.actor, now: at, ip: await requestIp() });
  const caseView = (await getCaseForViewer({ db, reference: opts.reference, viewer: opts.actor, now: at }))!;
  const [events, views, attachments] = await Promise.all([
    listCaseEvents({ db, caseView }),
    lastStaffViews({ db, caseId: caseView.row.id }),
    listCaseUploads({ db, caseId: caseView.row.id, includeInternal: true }),
  ]);
  // An agent of the filing house follows the case but makes none of the body's moves.
  return { caseView, events, views, attachments, transitions: caseView.mayDecide ? transitionsFor(caseView.row, opts.actor) : [], now: at };
}

export async function loadQueue(opts: { actor: Actor; status?: QueueFilter; page?: number; bodyId?: string | null; kind?: string | null; due?: "overdue" | "soon" | null; mine?: boolean; house?: boolean }) {
  const { db } = await getDb();
  const at = await now();
  return { ...(await listQueue({ db, viewer: opts.actor, now: at, ...opts })), now: at };
}
