import "server-only";
import { cookies } from "next/headers";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { otpChallenges } from "@/lib/db/schema";
import { now } from "@/lib/clock";
import { CHALLENGE_COOKIE } from "./cookies";
import { findLiveChallenge } from "./otp";

/** The number a code request was for, whatever its state (for "send a new code"). */
export async function findChallengePhone(challengeId: string): Promise<string | null> {
  const { db } = await getDb();
  const [row] = await db.select({ phone: otpChallenges.phone }).from(otpChallenges).where(eq(otpChallenges.id, challengeId));
  return row?.phone ?? null;
}

/** The code request this browser is waiting on, if it can still be answered (step 2 of sign-in). */
export async function pendingChallenge(): Promise<{ phone: string; triesLeft: number } | null> {
  const id = (await cookies()).get(CHALLENGE_COOKIE)?.value;
  if (!id) return null;
  const { db } = await getDb();
  return findLiveChallenge({ db, now: await now() }, id);
}
