import { createHash, randomBytes } from "node:crypto";

/**
 * Magic-link tokens. The link carries the raw token; the database stores only its hash, exactly
 * as next-auth's e-mail provider does (sha256 of token + secret), so next-auth's own callback route
 * verifies links we create.
 */
export function newVerificationToken(): string {
  return randomBytes(32).toString("hex");
}

export function hashVerificationToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/** Secrets in links (calendar feeds, manager confirmations) are stored as plain sha256 hashes. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
