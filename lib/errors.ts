/**
 * Errors a user can cause carry a stable code; the UI maps the code to a translated message
 * (messages/*.json → "errors.<code>"). Anything that is not an AppError is a bug: it is logged
 * with a request id and shown as a generic error.
 */
export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "PROFILE_INCOMPLETE",
  "LAST_ADMIN",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field name → message key (under "errors.fields"), for form errors. */
  readonly fieldErrors?: Record<string, string[]>;
  /** Values for the translated message, e.g. {minutes: 12} for RATE_LIMITED. */
  readonly params?: Record<string, string | number>;

  constructor(
    code: AppErrorCode,
    message?: string,
    fieldErrors?: Record<string, string[]>,
    params?: Record<string, string | number>,
  ) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.params = params;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
