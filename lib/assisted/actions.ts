"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authSecret } from "@/lib/auth/secret";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { localePath } from "@/lib/i18n/routing";
import { nudgeDispatcher } from "@/lib/notifications/runner";
import { sendSms } from "@/lib/notifications/sms";
import { IDEMPOTENCY_KEY } from "@/lib/outbox/idempotency";
import { createFormAction } from "@/lib/safe-action";
import { fileWalkIn, startWalkIn, verifyWalkIn } from "./walk-in";
import { startWalkInSchema, verifyWalkInSchema, walkInSessionId } from "./forms";
import { text, formValue } from "@/lib/text/input";

/** The agent's three steps of a walk-in filing (phone → code → form), as plain form posts. */
const sessionId = walkInSessionId;

export const startWalkInAction = createFormAction({
  schema: startWalkInSchema,
  access: ["agent"],
  audit: "walkIn.codeSent",
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const { sessionId: id } = await startWalkIn(
      { db, now: await now(), secret: authSecret(), ip },
      {
        agent: actor,
        phone: input.phone,
        deliver: async (m) => {
          const t = await getTranslations({ locale: m.locale, namespace: "WalkIn" });
          await sendSms({ to: m.to, text: t("sms", { code: m.code }), locale: m.locale, ref: "walk-in" });
        },
      },
    );
    redirect(localePath(locale, `/staff/walk-in/${id}`));
  },
});

export const verifyWalkInAction = createFormAction({
  schema: verifyWalkInSchema,
  access: ["agent"],
  audit: false, // lib/assisted audits each step in its own transaction
  run: async ({ input, actor, locale, ip }) => {
    const { db } = await getDb();
    const r = await verifyWalkIn({ db, now: await now(), secret: authSecret(), ip }, { agent: actor, sessionId: input.sessionId, code: input.code });
    if (!r.ok) {
      if (r.reason === "wrong") throw new AppError("validation", { fields: { code: "WalkIn.errors.wrongCode" }, values: { triesLeft: r.triesLeft } });
      throw new AppError("validation", { fields: { code: r.reason === "expired" ? "WalkIn.errors.expired" : "WalkIn.errors.exhausted" } });
    }
    redirect(localePath(locale, `/staff/walk-in/${input.sessionId}`));
  },
});

export const fileWalkInAction = createFormAction({
  schema: z.object({ sessionId, idempotencyKey: z.string().regex(IDEMPOTENCY_KEY, "Outbox.errors.badKey"), kind: z.enum(["complaint"]), formPath: text().optional() }).catchall(formValue),
  access: ["agent"],
  audit: false, // lib/assisted audits each step in its own transaction
  run: async ({ input: { sessionId: id, idempotencyKey, kind, formPath: _formPath, ...payload }, actor, locale, ip }) => {
    const { db } = await getDb();
    await fileWalkIn({ db, now: await now(), secret: authSecret(), ip }, { agent: actor, sessionId: id, key: idempotencyKey, kind, payload, locale });
    nudgeDispatcher();
    redirect(localePath(locale, `/staff/walk-in/${id}`));
  },
});
