/**
 * What the phone says while a file goes up in pieces (components/uploads/use-resumable-upload.tsx),
 * as plain functions: the percentage, when to speak (a screen reader is told each tenth, every
 * pause and every resumption — not every 64 kB piece), and the server's refusal as a message key.
 */
export const percentOf = (sent: number, total: number): number => (total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 0);

export type ProgressEvent = "progress" | "resumed" | "paused";

/** A fresh announcer per file: `speak` is false for a piece that does not reach a new tenth. */
export function announcer(): (event: ProgressEvent, sent: number, total: number) => { percent: number; speak: boolean } {
  let told = -1;
  return (event, sent, total) => {
    const percent = percentOf(sent, total);
    if (event !== "progress") return { percent, speak: true };
    const tenth = Math.floor(percent / 10);
    if (tenth === told) return { percent, speak: false };
    told = tenth;
    return { percent, speak: true };
  };
}

/** The refusal's words: the key of its field message under `Uploads`, its code, or "damaged" when it says nothing usable. */
export function refusalOf(body: unknown): { key: string; values: Record<string, string | number> } {
  const error = (body as { error?: { code?: unknown; fields?: Record<string, unknown>; values?: Record<string, string | number> } } | null)?.error;
  const field = typeof error?.fields?.file === "string" ? error.fields.file : null;
  const key = field ? field.replace(/^Uploads\.errors\./, "") : typeof error?.code === "string" ? error.code : "damaged";
  return { key: `errors.${key}`, values: error?.values ?? {} };
}
