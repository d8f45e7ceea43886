/**
 * The secret in a private calendar feed's address: 32 random bytes, base64url (43 characters).
 * Only its sha256 is stored (CalendarFeedToken.tokenHash), so the database alone cannot rebuild a link.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashSecret } from "@/lib/auth/tokens";

export const feedTokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export const hashFeedToken = hashSecret;

/** https://…/api/calendar/feed/<token>, and the same as webcal:// (calendar apps open it as a subscription). */
export function feedUrls(token: string, appUrl: string): { url: string; webcalUrl: string } {
  const url = new URL(`/api/calendar/feed/${token}`, appUrl).toString();
  return { url, webcalUrl: url.replace(/^https?:/, "webcal:") };
}
