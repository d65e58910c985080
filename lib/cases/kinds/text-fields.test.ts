import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CONTROL_CHARACTERS_KEY } from "@/lib/text/input";
import { complaintSchema } from "./complaint";
import { infoRequestSchema } from "./info-request";
import { municipalReportSchema } from "./municipal-report";
import { questionSchema } from "./question";
import { suggestionSchema } from "./suggestion";

/**
 * Issue 12, point 9: a NUL byte in any text field of a filing was a 500 (PostgreSQL refuses 0x00),
 * which the outbox retries for ever. Every text field now answers with a field error instead.
 */
const samples: { name: string; schema: z.ZodType; valid: Record<string, unknown>; fields: string[] }[] = [
  {
    name: "complaint",
    schema: complaintSchema,
    valid: { bodyId: "steg", category: "outage", description: "No electricity on our street since yesterday evening.", documentAskedFor: "Extrait de naissance" },
    fields: ["description", "documentAskedFor", "category", "bodyId"],
  },
  { name: "question", schema: questionSchema, valid: { bodyId: "steg", subject: "Facture", question: "Pourquoi ma facture a-t-elle doublé ?" }, fields: ["subject", "question"] },
  { name: "suggestion", schema: suggestionSchema, valid: { bodyId: "steg", description: "Open the agency on Saturday mornings." }, fields: ["description", "bodyId"] },
  {
    name: "info-request",
    schema: infoRequestSchema,
    valid: { requesterType: "person", name: "Amel Ben Salah", address: "12 rue de Marseille, Tunis", bodyId: "steg", information: "The tariffs applied to the district in 2025.", accessForm: "paper-copy" },
    fields: ["name", "address", "information", "bodyId"],
  },
  {
    name: "municipal-report",
    schema: municipalReportSchema,
    valid: { category: "waste", governorate: "kasserine", delegation: "haidra", locationMode: "place", place: "Behind the weekly market", description: "Bins not collected for a week." },
    fields: ["description", "place", "governorate", "delegation"],
  },
];

describe("a control character in any text field of a filing is a field error", () => {
  for (const { name, schema, valid, fields } of samples) {
    it(`${name}: the valid sample passes`, () => {
      expect(schema.safeParse(valid).error?.issues).toBeUndefined();
    });
    for (const field of fields) {
      it(`${name}.${field} with a NUL byte → ${CONTROL_CHARACTERS_KEY}`, () => {
        const r = schema.safeParse({ ...valid, [field]: `${String(valid[field])}\u0000` });
        expect(r.success).toBe(false);
        const issue = r.error!.issues.find((i) => i.path.at(-1) === field);
        expect(issue?.message).toBe(CONTROL_CHARACTERS_KEY);
      });
    }
  }

  it("names and addresses lose their bidi controls", () => {
    const p = infoRequestSchema.parse({ ...samples.find((s) => s.name === "info-request")!.valid, name: "Amel \u202eBen Salah\u202c" });
    expect(p.name).toBe("Amel Ben Salah");
  });
});
