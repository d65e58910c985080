"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { createFormAction } from "@/lib/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { signOut } from "@/lib/auth/config";
import { revokeSession } from "@/lib/auth/sessions";
import { requireActor } from "@/lib/auth/session";
import { signDeviceToken } from "@/lib/auth/device-token";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { defaultLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { isAppError } from "@/lib/errors";
import { enrolDevice, revokeDevice } from "./devices";
import { enrolSchema } from "./forms";
import { enrolCookies } from "./cookies";

/**
 * Enrols the browser the staff member is using as a corner of the house, then signs them out of
 * it: from now on this screen belongs to whoever stands in front of it.
 */
export const enrolKioskAction = createFormAction({
  access: ["admin", "agent"],
  schema: enrolSchema,
  audit: false, // enrolDevice records it, in the transaction of the change
  async run({ input, actor, locale, ip }) {
    const { db } = await getDb();
    const at = await now();
    const device = await enrolDevice(db, { actor: actor!, houseId: input.houseId, label: input.label, idleMinutes: input.idleMinutes, now: at, ip });
    await revokeSession({ db, sessionId: actor!.sessionId, now: at, reason: "kioskEnrol" });
    await recordAudit(db, actor!, { action: "auth.signOut", subjectType: "session", subjectId: actor!.sessionId, detail: { reason: "kioskEnrol" } }, ip);
    await signOut({ redirect: false });
    const jar = await cookies();
    for (const c of enrolCookies(signDeviceToken(device.id))) jar.set(c.name, c.value, c.options);
    revalidatePath("/[locale]", "layout");
    redirect(localePath(locale, "/kiosk"));
  },
});

const revokeSchema = z.object({ deviceId: z.string().uuid(), locale: z.string().optional() });

/** The "revoke" button of the list (a plain form: works without JavaScript). */
export async function revokeKioskFromList(form: FormData): Promise<void> {
  const parsed = revokeSchema.safeParse({ deviceId: form.get("deviceId"), locale: form.get("locale") ?? undefined });
  const locale = parsed.success && parsed.data.locale && isLocale(parsed.data.locale) ? parsed.data.locale : defaultLocale;
  let outcome = "failed";
  if (parsed.success) {
    const actor = await requireActor({ roles: ["admin", "agent"] });
    const { db } = await getDb();
    try {
      await revokeDevice(db, { actor, deviceId: parsed.data.deviceId, now: await now(), ip: clientIp(await headers()) });
      outcome = "revoked";
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  redirect(`${localePath(locale, "/staff/kiosks")}?outcome=${outcome}`);
}
