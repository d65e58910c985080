"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authSecret } from "@/lib/auth/secret";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { sendSms } from "@/lib/notifications/sms";
import { createFormAction } from "@/lib/safe-action";
import { consentGuidance, endGuidance, setGuidanceLayer, startGuidance } from "./guidance";
import { consentGuidanceSchema, endGuidanceSchema, guidanceLayerSchema, startGuidanceSchema } from "./guidance-forms";

/** A guidance session's forms, as plain form posts: the volunteer opens, the citizen consents, either ends. */
export const startGuidanceAction = createFormAction({
  schema: startGuidanceSchema,
  access: ["volunteer"],
  audit: false, // lib/assisted/guidance.ts audits each step
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const { sessionId } = await startGuidance(
      { db, now: await now(), secret: authSecret(), ip },
      {
        volunteer: actor,
        phone: input.phone,
        deliver: async (m) => {
          const t = await getTranslations({ locale: m.locale, namespace: "Guidance" });
          await sendSms({ to: m.to, text: t("sms", { code: m.code }), locale: m.locale, ref: "guidance" });
        },
      },
    );
    redirect(localePath(locale, `/volunteer/sessions/${sessionId}`));
  },
});

export const consentGuidanceAction = createFormAction({
  schema: consentGuidanceSchema,
  access: ["volunteer"],
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const r = await consentGuidance({ db, now: await now(), secret: authSecret(), ip }, { volunteer: actor, sessionId: input.sessionId, code: input.code });
    if (!r.ok) {
      if (r.reason === "wrong") throw new AppError("validation", { fields: { code: "Guidance.errors.wrongCode" }, values: { triesLeft: r.triesLeft } });
      throw new AppError("validation", { fields: { code: r.reason === "expired" ? "Guidance.errors.expired" : "Guidance.errors.exhausted" } });
    }
    redirect(localePath(locale, `/volunteer/sessions/${input.sessionId}`));
  },
});

export const endGuidanceAction = createFormAction({
  schema: endGuidanceSchema,
  // The citizen (from their file) or the volunteer (from the session page).
  access: ["citizen", "volunteer"],
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    await endGuidance({ db, now: await now(), ip }, { actor, sessionId: input.sessionId });
    redirect(localePath(locale, actor.role === "volunteer" ? `/volunteer/sessions/${input.sessionId}` : "/my"));
  },
});

export const guidanceLayerAction = createFormAction({
  schema: guidanceLayerSchema,
  access: ["volunteer"],
  audit: false,
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    await setGuidanceLayer({ db, now: await now(), ip }, { volunteer: actor, sessionId: input.sessionId, on: input.on === "on" });
    redirect(localePath(locale, `/volunteer/sessions/${input.sessionId}`));
  },
});
