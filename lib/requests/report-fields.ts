import { AppError, isAppError } from "@/lib/errors";

/**
 * The stored payload nests the place (`location.place`, `location.lat`…); the form has flat
 * fields. Errors are put back on the field the citizen can fix.
 */
export function reportFieldOf(path: string): string {
  if (path === "location.place") return "place";
  if (path.startsWith("location")) return "locationMode";
  return path;
}

export function onReportFields(error: unknown): unknown {
  if (!isAppError(error) || !error.fields) return error;
  const fields: Record<string, string> = {};
  for (const [path, key] of Object.entries(error.fields)) fields[reportFieldOf(path)] ??= key;
  return new AppError(error.code, { fields, values: error.values, messageKey: error.messageKey });
}
