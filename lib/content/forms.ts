/**
 * The inputs of the content actions (lib/content/actions.ts). Plain module: zod only.
 */
import { z } from "zod";
import { slug } from "@/lib/catalogue/schema";
import { contentKinds } from "./kinds";

const ref = { kind: z.enum(contentKinds), key: slug };

/** The editing form: its fields are the document's paths (lib/content/form-model.ts), checked by the kind's schema on the server. */
export const draftForm = z.looseObject({
  ...ref,
  from: z.coerce.number().int().min(1),
  note: z.string().trim().max(500, "ContentEditing.errors.noteTooLong").optional(),
});

export const versionForm = z.object({ ...ref, number: z.coerce.number().int().min(1) });

export const reviewSettingForm = z.object({ body: z.string().min(1).max(80), on: z.enum(["true", "false"]) });

export const editorRightForm = z.object({ userId: z.uuid(), on: z.enum(["true", "false"]) });
