import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roles } from "@/lib/auth/roles";
import { volunteerRefusal } from "./volunteer-refusal";

describe("the volunteer never submits", () => {
  it("refuses a volunteer every action open to citizens, with its own message, and nothing else changes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.subarray([...roles]), (role, allowed) => {
        const refusal = volunteerRefusal(role, allowed);
        const expected = role === "volunteer" && allowed.includes("citizen") && !allowed.includes("volunteer");
        expect(refusal !== null).toBe(expected);
        if (refusal) expect(refusal).toMatchObject({ code: "forbidden", messageKey: "Guidance.errors.volunteerCannotAct" });
      }),
    );
    expect(volunteerRefusal("volunteer", "signed-in")).toBeNull();
    expect(volunteerRefusal("volunteer", ["citizen", "volunteer"])).toBeNull();
  });
});
