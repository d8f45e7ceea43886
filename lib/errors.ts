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
  /** A session has fewer free seats than asked for (params: session, seatsLeft). */
  "FULL",
  /** The session cannot be booked: a draft, cancelled, or already started (params: session). */
  "NOT_BOOKABLE",
  /** The person already has an active booking or waiting-list place for the session (params: person, session). */
  "ALREADY_BOOKED",
  /** Too many people are booking at the same moment; nothing was saved, try again. */
  "BUSY",
  /** The cancellation date has passed: only a coordinator can cancel now (params: date). */
  "TOO_LATE",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** A field problem before translation: a key under "errors.fields" and its values. */
export type FieldIssue = { key: string; params?: Record<string, string | number> };

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Field name → message keys (under "errors.fields"), with values where the message needs them. */
  readonly fieldErrors?: Record<string, (string | FieldIssue)[]>;
  /** Values for the translated message, e.g. {minutes: 12} for RATE_LIMITED. */
  readonly params?: Record<string, string | number>;

  constructor(
    code: AppErrorCode,
    message?: string,
    fieldErrors?: Record<string, (string | FieldIssue)[]>,
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
