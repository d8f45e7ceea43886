import "server-only";
import { z } from "zod";
import { hashVerificationToken, newVerificationToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { RateLimitRule } from "@/lib/domain/rate-limit";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/server/security/hit-rate-limit";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import { emailField, localeField, localPathField } from "@/lib/validation/fields";

export const requestSignInLinkInput = z.object({
  email: emailField,
  locale: localeField.default("sv"),
  /** Where to land after sign-in: a path on this site only. */
  callbackUrl: localPathField.optional().or(z.literal("").transform(() => undefined)),
});
export type RequestSignInLinkInput = z.infer<typeof requestSignInLinkInput>;

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
  /** A backstop for the whole site, should someone spread requests over many addresses. */
  all: { limit: 1000, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/**
 * Creates a single-use sign-in link and queues the e-mail with it, in one transaction.
 * Rate-limited per e-mail address and per IP address (counters shared by all instances).
 * The answer is the same whether or not the address has an account.
 */
export async function requestSignInLink(input: RequestSignInLinkInput, context: { ip: string; now: Date }): Promise<void> {
  const env = getEnv();
  for (const [key, rule] of [
    [`sign-in:email:${input.email}`, SIGN_IN_LIMITS.perEmail],
    [`sign-in:ip:${context.ip}`, SIGN_IN_LIMITS.perIp],
    ["sign-in:all", SIGN_IN_LIMITS.all],
  ] as const) {
    const result = await hitRateLimit(key, rule, context.now);
    if (!result.allowed) {
      throw new AppError("RATE_LIMITED", `Too many sign-in links for ${key}`, undefined, {
        minutes: Math.ceil(result.retryAfterSeconds / 60),
      });
    }
  }

  const token = newVerificationToken();
  const expires = new Date(context.now.getTime() + env.MAGIC_LINK_MINUTES * 60_000);
  const callbackUrl = input.callbackUrl ?? (input.locale === "en" ? "/en" : "/");
  const url = new URL("/api/auth/callback/email", env.APP_URL);
  url.search = new URLSearchParams({ callbackUrl, token, email: input.email }).toString();

  await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { locale: true } });
    await tx.verificationToken.create({
      data: { identifier: input.email, token: hashVerificationToken(token, env.AUTH_SECRET), expires },
    });
    await enqueueEmail(tx, {
      to: input.email,
      // A known person gets their own language; a newcomer the language of the page they used.
      locale: existing?.locale ?? input.locale,
      template: "magic-link",
      params: { url: url.toString(), expiresMinutes: env.MAGIC_LINK_MINUTES },
    });
  });
}
