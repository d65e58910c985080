import { z } from "zod";
import { locales } from "@/lib/i18n/routing";
import { normalisePhone, phoneErrorKey } from "./phone";
import { nameText } from "@/lib/text/input";

/** What an administrator fills in to create a staff or volunteer account. Messages are keys. */

const catalogueId = (key: string) =>
  z
    .string()
    .trim()
    .max(60, key)
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, key)
    .transform((v) => (v === "" ? null : v));

/** The fields an administrator sets on an account, at creation and later (role, body, house…). */
const accountFields = {
  name: nameText({ error: "AdminUsers.errors.nameEmpty" }).min(1, "AdminUsers.errors.nameEmpty").max(100, "Welcome.errors.nameTooLong"),
  role: z.enum(["volunteer", "agent", "official", "admin"], { message: "AdminUsers.errors.roleEmpty" }),
  bodyId: catalogueId("AdminUsers.errors.idFormat").default(null),
  houseId: catalogueId("AdminUsers.errors.idFormat").default(null),
  officialLevel: z.enum(["regional", "central"]).optional(),
  interpreter: z.literal("on").optional(),
};

type AccountFields = { role: string; bodyId: string | null; officialLevel?: string };

/** The rules between the fields, the same at creation and on a change. */
function accountRules(v: AccountFields, ctx: z.RefinementCtx): void {
  if ((v.role === "agent" || v.role === "official") && !v.bodyId) ctx.addIssue({ code: "custom", path: ["bodyId"], message: "AdminUsers.errors.bodyRequired" });
  // A municipal account works for one town's municipality (lib/municipalities), never for all of them.
  if (v.bodyId === "municipality") ctx.addIssue({ code: "custom", path: ["bodyId"], message: "Municipalities.errors.staffGeneric" });
  if (v.role === "official" && !v.officialLevel) ctx.addIssue({ code: "custom", path: ["officialLevel"], message: "AdminUsers.errors.levelRequired" });
}

export const newStaffAccountSchema = z
  .object({
    phone: z
      .string({ message: "AdminUsers.errors.phoneEmpty" })
      .max(40, "Auth.phone.errors.invalid")
      .transform((value, ctx) => {
        const r = normalisePhone(value);
        if (!r.ok) {
          // Someone else's number: "enter your number" would be the wrong words here.
          ctx.addIssue({ code: "custom", message: r.reason === "empty" ? "AdminUsers.errors.phoneEmpty" : phoneErrorKey[r.reason] });
          return z.NEVER;
        }
        return r.e164;
      }),
    ...accountFields,
    language: z.enum(locales, { message: "Welcome.errors.languageEmpty" }),
  })
  .superRefine(accountRules);

export type NewStaffAccountInput = z.infer<typeof newStaffAccountSchema>;

/** An administrator changes an existing account: the same fields and rules, the number and language stay the holder's. */
export const staffAccountChangeSchema = z
  .object({ userId: z.uuid(), ...accountFields })
  .superRefine(accountRules);

export type StaffAccountChange = z.infer<typeof staffAccountChangeSchema>;
