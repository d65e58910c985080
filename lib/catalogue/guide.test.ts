import { describe, expect, it } from "vitest";
import { getService } from "./catalogue";
import { answersQuery, nextQuestion, parseAnswers, personalChecklist } from "./guide";

const permit = getService("building-permit")!;
const guide = permit.guide!;

describe("guided questions", () => {
  it("asks the questions in order, skipping those that do not apply", () => {
    expect(nextQuestion(guide, {})?.id).toBe("area");
    expect(nextQuestion(guide, { area: "over-500" })?.id).toBe("protected");
    expect(nextQuestion(guide, { area: "over-500", protected: "no" })?.id).toBe("town-plan");
    // Near a protected site the town-plan question does not apply.
    expect(nextQuestion(guide, { area: "over-500", protected: "yes" })).toBeNull();
  });

  it("ignores unknown questions, invalid values and answers to questions that do not apply", () => {
    expect(parseAnswers(guide, { area: "huge", protected: "yes", "town-plan": "yes", evil: "1" })).toEqual({ protected: "yes" });
    expect(parseAnswers(guide, { area: ["over-500", "up-to-500"] })).toEqual({ area: "over-500" });
  });

  it("builds the personal checklist from the answers", () => {
    const big = personalChecklist(permit, { area: "over-500", protected: "yes" });
    expect(big.documents.map((d) => d.id)).toContain("energy-study");
    expect(big.notes.map((n) => n.en).join(" ")).toMatch(/90 days/);
    const small = personalChecklist(permit, { area: "up-to-500", protected: "no", "town-plan": "no" });
    expect(small.documents.map((d) => d.id)).not.toContain("energy-study");
    expect(small.notes.map((n) => n.en).join(" ")).toMatch(/45 days/);
  });

  it("encodes answers in a stable order", () => {
    expect(answersQuery(guide, { protected: "no", area: "up-to-500" })).toBe("area=up-to-500&protected=no");
  });
});
