import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record";
import { getActor } from "@/lib/auth/session";
import { revokeSession } from "@/lib/auth/sessions";
import { KIOSK_COUNTDOWN_SECONDS } from "@/lib/auth/limits";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { currentKiosk } from "./current";
import { deviceCookies, KIOSK_CLEAR_SITE_DATA, personCookies } from "./cookies";

const noStore = { "cache-control": "no-store" };

function expire(res: NextResponse, names: string[]) {
  for (const name of names) {
    const host = name.startsWith("__Host-");
    res.cookies.set(name, "", { path: "/", maxAge: 0, secure: true, httpOnly: host, sameSite: "lax" });
  }
  return res;
}

/**
 * "Finish and clear" (or the end of the countdown): the person's session ends on the server,
 * their cookies are expired, and the browser is told to empty its storage and caches. Answers the
 * same whether or not someone was signed in (the screen calls it blindly).
 */
export async function finishVisit(req: Request): Promise<Response> {
  // The origin is checked by the HTTP edge in front of the route (lib/http/edge.ts).
  const kiosk = await currentKiosk();
  const actor = await getActor();
  if (actor) {
    const { db } = await getDb();
    await revokeSession({ db, sessionId: actor.sessionId, now: await now(), reason: "kioskFinish" });
    await recordAudit(db, actor, { action: "auth.signOut", subjectType: "session", subjectId: actor.sessionId, detail: { kiosk: true } }, clientIp(req.headers));
  }
  const res = NextResponse.json({ ok: true, kiosk: kiosk.state === "active" }, { headers: { ...noStore, "clear-site-data": KIOSK_CLEAR_SITE_DATA } });
  return expire(res, kiosk.state === "active" ? personCookies : [...personCookies, ...deviceCookies]);
}

/**
 * What the corner's screen script asks at every page load (and once a minute while someone is
 * using it, which also keeps their session alive on the server): is this still a corner, and its
 * settings. A revoked corner gets 410 and loses its cookies: it leaves kiosk mode.
 */
export async function kioskStatus(opts: { houseName: (houseId: string) => string; texts: Record<string, string> }): Promise<Response> {
  const kiosk = await currentKiosk();
  if (kiosk.state !== "active") {
    const res = NextResponse.json({ kiosk: false }, { status: kiosk.state === "gone" ? 410 : 404, headers: noStore });
    return kiosk.state === "gone" ? expire(res, [...deviceCookies, ...personCookies]) : res;
  }
  const actor = await getActor();
  return NextResponse.json(
    {
      kiosk: true,
      house: opts.houseName(kiosk.device.houseId),
      idleSeconds: kiosk.device.idleSeconds,
      countdownSeconds: KIOSK_COUNTDOWN_SECONDS,
      signedIn: actor !== null,
      userId: actor?.userId ?? null,
      texts: opts.texts,
    },
    { headers: noStore },
  );
}

/** A browser that must leave kiosk mode (its corner was revoked): cookies gone, to the home page. */
export function leaveKiosk(path: string): Response {
  const res = new NextResponse(null, { status: 303, headers: { ...noStore, location: path } });
  return expire(res, [...deviceCookies, ...personCookies]);
}
