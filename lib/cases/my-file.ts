import "server-only";
import type { Db } from "@/lib/db/open";
import type { TagTone } from "./tones";
import { listCitizenCases } from "./read";
import { log } from "@/lib/log";

/**
 * "My file" gathers what a citizen has with the administration: cases today, bookings and
 * payment receipts later. Each domain offers a source; the page composes the sources it knows
 * (app/[locale]/(citizen)/my/sources.ts), so no domain imports another.
 */
export type MyFileItem = {
  /** Unique across sources, e.g. "case:…", "booking:…". */
  key: string;
  source: string;
  /** Message key of the thing's kind ("Question.kindName", "Interviews.kindName"…). */
  kindKey: string;
  title: string;
  /**
   * A title made of labels in the reader's language and values («الستاغ 4022334401 + …»): shown
   * instead of `title` (which stays the plain-text fallback).
   */
  titleParts?: { labelKey: string; value: string }[];
  /** Shown grouped and inside <bdi>; null when the thing has none. */
  reference: string | null;
  /** Message key of the status, and its colour. */
  statusKey: string;
  tone: TagTone;
  /** Path without the locale prefix. */
  href: string;
  /** The date the list is sorted by (newest first). */
  date: Date;
  /** Message key of what the date is ("MyFile.interviewOn"…); default "MyFile.sentOn". */
  dateKey?: string;
  /** Whether it still needs something (from the administration or from the citizen). */
  open: boolean;
  /** "dueSoon" | "overdue" | … when it has a deadline worth showing. */
  deadline?: string;
  dueAt?: Date | null;
};

export type MyFileSource = {
  id: string;
  list: (opts: { db: Db; userId: string; now: Date }) => Promise<MyFileItem[]>;
};

export const caseSource: MyFileSource = {
  id: "cases",
  async list({ db, userId, now }) {
    const items = await listCitizenCases({ db, citizenId: userId, now });
    return items.map((c) => ({
      key: `case:${c.id}`,
      source: "cases",
      kindKey: c.kind.messages.name,
      title: c.title,
      reference: c.reference,
      statusKey: c.state.label,
      tone: c.state.tone,
      href: `/my/cases/${c.reference}`,
      date: c.submittedAt,
      open: !c.closed,
      deadline: c.deadline,
      dueAt: c.dueAt,
    }));
  },
};

/** Every item of every source, newest first. A failing source does not hide the others. */
export async function readMyFile(opts: { db: Db; userId: string; now: Date; sources: readonly MyFileSource[] }): Promise<{ items: MyFileItem[]; failed: string[] }> {
  const results = await Promise.allSettled(opts.sources.map((s) => s.list({ db: opts.db, userId: opts.userId, now: opts.now })));
  const items: MyFileItem[] = [];
  const failed: string[] = [];
  results.forEach((r, i) => {
    if (r.status === "fulfilled") items.push(...r.value);
    else {
      failed.push(opts.sources[i]!.id);
      log.error("myFile.sourceFailed", r.reason, { source: opts.sources[i]!.id });
    }
  });
  items.sort((a, b) => b.date.getTime() - a.date.getTime());
  return { items, failed };
}
