import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import fr from "@/messages/fr.json";
import en from "@/messages/en.json";
import { validationError } from "@/lib/errors";
import { formSchemas } from "@/components/forms/schemas";

/** The message keys of a refused form, by field (what the kit translates on the phone). */
function refusal(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown): Record<string, string> {
  const r = schema.safeParse(raw);
  return r.success ? {} : (validationError(r.error!.issues).fields ?? {});
}

const has = (messages: unknown, key: string) => key.split(".").reduce<unknown>((m, p) => (m && typeof m === "object" ? (m as Record<string, unknown>)[p] : undefined), messages) !== undefined;

describe("the schemas registered for the phone's check (sign-in, payments, corners, rating)", () => {
  const names = ["sign-in-phone", "sign-in-code", "welcome", "account", "staff-account", "bill-add", "bills-choose", "pay-find", "pay-check", "kiosk-enrol", "request-rate"] as const;
  const empty: Record<(typeof names)[number], Record<string, string>> = {
    "sign-in-phone": { phone: "" },
    "sign-in-code": { code: "" },
    welcome: { name: "" },
    account: { name: "" },
    "staff-account": { phone: "", name: "" },
    "bill-add": { biller: "" },
    "bills-choose": {},
    "pay-find": { biller: "" },
    "pay-check": { checkoutId: "00000000-0000-4000-8000-000000000000", payerPhone: " ", idempotencyKey: "0123456789abcdef" },
    "kiosk-enrol": { houseId: "", label: "", idleMinutes: "99" },
    "request-rate": { reference: "R-1", stars: "" },
  };

  for (const name of names) {
    it(`${name}: loads without the server, and says what is missing in words of all three languages`, async () => {
      const schema = await formSchemas[name]();
      const keys = Object.values(refusal(schema, empty[name]));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) for (const messages of [ar, fr, en]) expect(has(messages, key), `${key} in the messages`).toBe(true);
    });
  }
});
