"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { defaultLocale, isLocale, localePath } from "@/lib/i18n/routing";
import { createFormAction } from "@/lib/safe-action";
import { createStaffAccount, setAccountDisabled, updateStaffAccount } from "./accounts";
import { revokeAllSessions } from "./sessions";
import { newStaffAccountSchema, staffAccountChangeSchema } from "./staff-schema";

/** Administrators' actions on staff and volunteer accounts. Every call is audited (safe-action). */

export const createStaffAccountAction = createFormAction({
  access: ["admin"],
  schema: newStaffAccountSchema,
  audit: (input, result: { id: string; name: string }) => ({
    action: "users.create",
    subjectType: "user",
    subjectId: result.id,
    detail: { role: input.role, bodyId: input.bodyId, houseId: input.houseId, officialLevel: input.role === "official" ? (input.officialLevel ?? null) : null, interpreter: input.interpreter === "on" },
  }),
  async run({ input }) {
    const { db } = await getDb();
    const created = await createStaffAccount(
      db,
      { ...accountFromForm(input), phone: input.phone, locale: input.language },
      await now(),
    );
    if (!created) throw new AppError("conflict", { fields: { phone: "AdminUsers.errors.phoneTaken" }, messageKey: "AdminUsers.errors.phoneTaken" });
    revalidatePath("/[locale]/staff/admin/users", "page");
    return { id: created.id, name: input.name };
  },
});

/** The account's fields as the create and change forms send them (a level only for an official). */
function accountFromForm(input: Omit<z.infer<typeof staffAccountChangeSchema>, "userId">) {
  return {
    name: input.name,
    role: input.role,
    bodyId: input.bodyId,
    houseId: input.houseId,
    officialLevel: input.role === "official" ? (input.officialLevel ?? null) : null,
    interpreter: input.interpreter === "on",
  };
}

export const setAccountDisabledAction = createFormAction({
  access: ["admin"],
  schema: z.object({ userId: z.uuid(), disable: z.enum(["true", "false"]) }),
  audit: (input) => ({ action: input.disable === "true" ? "users.disable" : "users.enable", subjectType: "user", subjectId: input.userId }),
  async run({ input, actor }) {
    // An administrator cannot lock themselves out.
    if (input.userId === actor?.userId) throw new AppError("forbidden");
    const { db } = await getDb();
    const at = await now();
    const disable = input.disable === "true";
    const name = await db.transaction(async (tx) => {
      const holder = await setAccountDisabled(tx, { userId: input.userId, disabled: disable, now: at });
      if (holder !== null && disable) await revokeAllSessions({ db: tx, userId: input.userId, now: at, reason: "disabled" });
      return holder;
    });
    if (name === null) throw new AppError("notFound");
    revalidatePath("/[locale]/staff/admin/users", "page");
    return { name, disabled: disable };
  },
});

export const updateStaffAccountAction = createFormAction({
  access: ["admin"],
  schema: staffAccountChangeSchema,
  // What changed, field by field; a name change is noted, not copied into the log.
  audit: (input, result: { changes: Record<string, { from: unknown; to: unknown }> }) => ({
    action: "users.update",
    subjectType: "user",
    subjectId: input.userId,
    detail: Object.fromEntries(Object.entries(result.changes).map(([k, v]) => [k, k === "name" ? "changed" : `${String(v.from ?? "—")} → ${String(v.to ?? "—")}`])),
  }),
  async run({ input, actor }) {
    // An administrator cannot take their own rights away (someone else must).
    if (input.userId === actor?.userId && input.role !== "admin") throw new AppError("forbidden", { fields: { role: "AdminUsers.errors.ownRole" }, messageKey: "AdminUsers.errors.ownRole" });
    const { db } = await getDb();
    const changes = await db.transaction((tx) =>
      updateStaffAccount(tx, input.userId, accountFromForm(input)),
    );
    if (changes === null) throw new AppError("notFound");
    revalidatePath("/[locale]/staff/admin/users", "page");
    return { changes };
  },
});

/** For a plain `<form action>` in each row of the list: runs the action above, then shows the page again with its outcome. */
export async function setAccountDisabledFromList(form: FormData): Promise<void> {
  const result = await setAccountDisabledAction(null, form);
  const raw = form.get("locale");
  const locale = typeof raw === "string" && isLocale(raw) ? raw : defaultLocale;
  const outcome = result.ok ? (result.data.disabled ? "disabled" : "enabled") : "failed";
  redirect(`${localePath(locale, "/staff/admin/users")}?outcome=${outcome}`);
}
