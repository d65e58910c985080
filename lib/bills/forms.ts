import { z } from "zod";
import { nameText, text } from "@/lib/text/input";

/**
 * What the saved-contracts forms send, as zod schemas (messages are message keys). A plain
 * module: the server actions (app/[locale]/(citizen)/bills/actions.ts) parse with these, and the
 * form kit checks the same answers on the phone (components/forms/schemas.ts).
 */
export const addContractSchema = z.object({
  biller: text({ error: "Bills.errors.billerRequired" }).min(1, "Bills.errors.billerRequired"),
  contract: text().default(""),
  key: text().optional(),
  label: nameText().default(""),
});

export const removeContractSchema = z.object({ contractId: z.uuid() });
