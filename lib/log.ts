/**
 * The server's one logger: one JSON object per line (stdout for info, stderr for warnings and
 * errors), so that a log shipper reads fields instead of parsing prose, and so that what is
 * written is decided here — never a citizen's name, phone number or text (docs/operations.md).
 *
 * Fields are meant to be ids, codes and counts. Anything that looks personal is masked anyway:
 * keys that name personal data, Tunisian phone numbers and e-mail addresses inside any string
 * (an error's message included: a database error can quote the value that broke a constraint).
 */
type Level = "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const PERSONAL_KEYS = /^(phone|name|fullName|firstName|lastName|email|body|text|message|comment|description|address|cin|nationalId|otp|code|password|secret|token|cookie|authorization)$/i;
const PHONE = /(?<!\d)(?:\+?216[\s.-]?)?[2-9]\d(?:[\s.-]?\d){6}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MAX_STRING = 500;

/** A string with phone numbers and e-mail addresses masked, cut to a sane length. */
export function scrub(text: string): string {
  const masked = text.replace(EMAIL, "[email]").replace(PHONE, "[phone]");
  return masked.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…` : masked;
}

function clean(value: unknown, depth: number): unknown {
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return scrub(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return errorFields(value, depth);
  if (depth >= 3) return "[…]";
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => clean(v, depth + 1));
  if (typeof value === "object") {
    const out: Fields = {};
    for (const [k, v] of Object.entries(value as Fields)) out[k] = PERSONAL_KEYS.test(k) ? "[redacted]" : clean(v, depth + 1);
    return out;
  }
  return String(value);
}

function errorFields(error: Error, depth: number): Fields {
  const code = (error as { code?: unknown }).code;
  // The stack's frames are code locations, not data; the first line repeats the message, scrubbed.
  const frames = (error.stack ?? "").split("\n").slice(1, 8).map((l) => l.trim());
  return {
    type: error.name,
    message: scrub(error.message),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(frames.length ? { stack: frames } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: clean(error.cause, depth + 1) } : {}),
  };
}

/** The line as written, for tests. */
export function formatLine(level: Level, event: string, fields: Fields = {}, at = new Date()): string {
  const cleaned = clean(fields, 0) as Fields;
  return JSON.stringify({ at: at.toISOString(), level, event, ...cleaned });
}

const RANK: Record<Level | "debug", number> = { debug: 0, info: 1, warn: 2, error: 3 };
// LOG_LEVEL (lib/env.ts) read from the process directly: the logger must work before, and
// without, the rest of the configuration (a bad setting is itself logged).
const threshold = RANK[(process.env.LOG_LEVEL as Level | "debug" | undefined) ?? "info"] ?? RANK.info;

function write(level: Level, event: string, fields?: Fields): void {
  if (RANK[level] < threshold) return;
  const line = formatLine(level, event, fields);
  if (level === "info") process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}

export const log = {
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  /** `error` may be anything thrown; it is written as type, message (scrubbed), code and frames. */
  error: (event: string, error?: unknown, fields?: Fields) => write("error", event, { ...fields, ...(error === undefined ? {} : { error: error instanceof Error ? error : { value: error } }) }),
};
