import "server-only";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { endPracticeRun, getPracticeRun, listPracticeItems, startPracticeRun, type PracticeItem } from "./store";
import { PRACTICE_COOKIE, PRACTICE_TTL_MS, signPracticeToken, verifyPracticeToken } from "./token";

/** The practice run this browser is in (its signed cookie, and the run still alive), or null. */
export async function currentPracticeRun(): Promise<{ id: string; lessonSlug: string | null } | null> {
  const runId = verifyPracticeToken((await cookies()).get(PRACTICE_COOKIE)?.value, authSecret());
  if (!runId) return null;
  const { db } = await getDb();
  return getPracticeRun({ db, runId, now: await now() });
}

const cookieOptions = () => ({ httpOnly: true, secure: true, sameSite: "lax" as const, path: "/" });

/** Starts a practice run and puts this browser in it. */
export async function enterPractice(opts: { lessonSlug: string | null }): Promise<string> {
  const { db } = await getDb();
  const { runId } = await startPracticeRun({ db, lessonSlug: opts.lessonSlug, now: await now() });
  (await cookies()).set(PRACTICE_COOKIE, signPracticeToken(runId, authSecret()), { ...cookieOptions(), maxAge: PRACTICE_TTL_MS / 1000 });
  return runId;
}

export async function leavePractice(): Promise<void> {
  (await cookies()).set(PRACTICE_COOKIE, "", { ...cookieOptions(), maxAge: 0 });
}

/** What was done in this browser's practice run (empty outside one). */
export async function currentPracticeItems(): Promise<PracticeItem[]> {
  const run = await currentPracticeRun();
  if (!run) return [];
  const { db } = await getDb();
  return listPracticeItems({ db, runId: run.id });
}

/** Ends this browser's practice: the run and everything in it deleted, the cookie gone. */
export async function endCurrentPractice(run: { id: string } | null): Promise<void> {
  if (run) {
    const { db } = await getDb();
    await endPracticeRun({ db, runId: run.id });
  }
  await leavePractice();
}
