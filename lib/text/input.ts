import { z } from "zod";

/**
 * The one text primitive of every input schema (issue 12, points 6 and 9).
 *
 * - Control characters (C0 but tab and line breaks, DEL, C1) are refused with a field error in the
 *   citizen's language: PostgreSQL refuses U+0000 outright (a 500, which the outbox would retry for
 *   ever), and the others have no place in what a person types.
 * - Bidirectional controls (embeddings, overrides, isolates, LRM/RLM) are removed from names,
 *   labels and file names: there they only serve to make "+216 21 000 101" read "612+ … 101 000 12"
 *   or "report‮gnp.exe" read "reportexe.png" beside the text around them. Free text (a description)
 *   keeps LRM/RLM, which Arabic keyboards type legitimately; its rendering isolates it (<bdi>).
 */
// eslint-disable-next-line no-control-regex -- the point is to find them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const CONTROL_CHARACTERS_KEY = "TextInput.errors.controlCharacters";

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

/** Any text a person types: `text().trim().max(…)` as with `z.string()`; control characters are a field error. */
export function text(params?: { error?: string }) {
  return z.string(params).refine((v) => !hasControlCharacters(v), { message: CONTROL_CHARACTERS_KEY, abort: true });
}

/** A name, a label, a file name: one line, no bidi controls, spaces collapsed. */
export function nameText(params?: { error?: string }) {
  return text(params)
    .overwrite(stripBidiControls)
    .overwrite((v) => v.replace(/\s+/g, " ").trim());
}

/** What a form sends under a name: one value or several (repeated names). */
export const formValue = z
  .union([z.string(), z.array(z.string())])
  .refine((v) => !(typeof v === "string" ? [v] : v).some(hasControlCharacters), { message: CONTROL_CHARACTERS_KEY });
