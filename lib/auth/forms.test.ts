import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ar from "@/messages/ar.json";
import fr from "@/messages/fr.json";
import en from "@/messages/en.json";
import { formSchemas } from "@/components/forms/schemas";
import { validationError } from "@/lib/errors";
import { accountSchema, onboardingSchema, requestCodeSchema, verifyCodeSchema } from "./forms";

/** The message keys of a refused form, by field (what the kit translates on the phone). */
function refusal(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown): Record<string, string> {
  const r = schema.safeParse(raw);
  return r.success ? {} : (validationError(r.error!.issues).fields ?? {});
}

const has = (messages: unknown, key: string) => key.split(".").reduce<unknown>((m, p) => (m && typeof m === "object" ? (m as Record<string, unknown>)[p] : undefined), messages) !== undefined;

describe("the sign-in and account forms' schemas (checked on the phone and by the server)", () => {
  it("step 1: the number as people type it, in E.164; what is wrong, by message key", () => {
    expect(requestCodeSchema.parse({ phone: "٩٨ ١٢٣ ٤٥٦", returnTo: "/ar/my" })).toEqual({ phone: "+21698123456", returnTo: "/ar/my" });
    expect(refusal(requestCodeSchema, { phone: "71 234 567" })).toEqual({ phone: "Auth.phone.errors.landline" });
    expect(refusal(requestCodeSchema, { phone: "+33 6 12 34 56 78" })).toEqual({ phone: "Auth.phone.errors.foreign" });
    expect(refusal(requestCodeSchema, { phone: "" })).toEqual({ phone: "Auth.phone.errors.empty" });
    // A form posted without the field (a hand-made request): the same words, not zod's English.
    expect(refusal(requestCodeSchema, {})).toEqual({ phone: "Auth.phone.errors.empty" });
  });

  it("step 2: six digits, in any script, spaces and dashes ignored; the rest refused before it counts as a try", () => {
    expect(verifyCodeSchema.parse({ code: "١٢٣ ٤٥٦" }).code).toBe("123456");
    expect(verifyCodeSchema.parse({ code: "123-456" }).code).toBe("123456");
    expect(refusal(verifyCodeSchema, { code: "" })).toEqual({ code: "SignIn.errors.codeEmpty" });
    expect(refusal(verifyCodeSchema, { code: "12345" })).toEqual({ code: "SignIn.errors.codeFormat" });
    fc.assert(
      fc.property(fc.string(), (code) => {
        const r = verifyCodeSchema.safeParse({ code });
        return !r.success || /^\d{6}$/.test(r.data.code);
      }),
    );
  });

  it("first sign-in and the account page: a name and a language of the app", () => {
    expect(refusal(onboardingSchema, { name: "  ", language: "fr-TN" })).toEqual({ name: "Welcome.errors.nameEmpty" });
    expect(refusal(onboardingSchema, { name: "Salma", language: "de" })).toEqual({ language: "Welcome.errors.languageEmpty" });
    expect(accountSchema.parse({ name: "Hadi", language: "ar-TN" }).notifySms).toBeUndefined();
    expect(accountSchema.parse({ name: "Hadi", language: "ar-TN", notifySms: "on" }).notifySms).toBe("on");
  });
});

describe("the schemas registered for the phone's check (sign-in, payments, corners, rating)", () => {
  const names = ["sign-in-phone", "sign-in-code", "welcome", "account", "staff-account", "bill-add", "bills-choose", "pay-find", "pay-check", "kiosk-enrol", "case-rate"] as const;
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
    "case-rate": { reference: "R-1", stars: "" },
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
