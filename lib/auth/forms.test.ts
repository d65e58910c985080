import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validationError } from "@/lib/errors";
import { accountSchema, onboardingSchema, requestCodeSchema, verifyCodeSchema } from "./forms";

/** The message keys of a refused form, by field (what the kit translates on the phone). */
function refusal(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown): Record<string, string> {
  const r = schema.safeParse(raw);
  return r.success ? {} : (validationError(r.error!.issues).fields ?? {});
}

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
