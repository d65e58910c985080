/**
 * One error type with closed codes. Code paths throw AppError; the edge (a server action's
 * result, an API response, an error page) translates the code with messages `Errors.codes.*`.
 * A raw message or stack never reaches a citizen.
 */
export const errorCodes = [
  "validation",
  "unauthenticated",
  "forbidden",
  "notFound",
  "conflict",
  "rateLimited",
  "unavailable",
  "internal",
  // The request itself is malformed (not JSON, wrong shape): no field a person could fix.
  "badRequest",
  "tooLarge",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

const httpStatus: Record<ErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  rateLimited: 429,
  unavailable: 503,
  internal: 500,
  badRequest: 400,
  tooLarge: 413,
};

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Message keys per field (already translated keys, e.g. "Auth.errors.phoneInvalid"). */
  readonly fields?: FieldErrors;
  /** Values for the message, e.g. { minutes: 12 } for rateLimited. */
  readonly values?: Record<string, string | number>;
  /** A more precise message key than the code's generic one. */
  readonly messageKey?: string;
  /** For rateLimited and unavailable: when to come back (the HTTP edge sends it as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, opts: { fields?: FieldErrors; values?: Record<string, string | number>; messageKey?: string; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(opts.messageKey ?? code, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.values = opts.values;
    this.messageKey = opts.messageKey;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Anything that is not an AppError becomes `internal`; the original is kept only as `cause` for logs. */
export function toAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError("internal", { cause: error });
}

/**
 * A schema's refusal as the one validation error: the first message key of each field (the path
 * joined with dots; "_form" for the whole input). Every validator of the app ends here, so the
 * phone and the server name the same fields with the same keys.
 */
export function validationError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fields: FieldErrors = {};
  for (const issue of issues) fields[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  return new AppError("validation", { fields });
}
