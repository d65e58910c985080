import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import ar from "@/messages/ar.json";
import { explanationKeys, guidanceCoverage, journeySteps, journeys } from "./guidance-steps";

describe("the guidance layer", () => {
  const get = (m: unknown, path: string) => path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), m);
  it("every step of every journey has its explanation and title in the three languages", () => {
    for (const j of journeys)
      for (const step of journeySteps[j]) {
        const keys = explanationKeys(step);
        for (const m of [en, fr, ar]) {
          for (const k of [keys.what, keys.ready, keys.why, keys.what.replace(/\.what$/, ".title")]) expect(typeof get(m.Guidance, k), `${k}`).toBe("string");
          expect(typeof get(m.Guidance, `journeys.${j}`)).toBe("string");
        }
      }
    const has = (step: Parameters<typeof explanationKeys>[0]) => [en, fr, ar].every((m) => typeof get(m.Guidance, explanationKeys(step).what) === "string");
    expect(guidanceCoverage(has)).toEqual({ explained: 27, total: 27 });
  });
});
