import type { AppErrorCode } from "@/lib/errors";

/**
 * The HTTP status a route answers for an error code. A Record over every code, so a new AppError
 * code does not compile until it has a status here.
 */
export const HTTP_STATUS: Record<AppErrorCode | "INTERNAL", number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PROFILE_INCOMPLETE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FULL: 409,
  NOT_BOOKABLE: 409,
  ALREADY_BOOKED: 409,
  TOO_LATE: 409,
  LAST_ADMIN: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BUSY: 503,
};
