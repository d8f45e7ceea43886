import { z } from "zod";
import { normalizePostalCode } from "@/lib/domain/billing/recipient";

/**
 * Field schemas shared by forms (client) and actions (server). Messages are translation keys
 * under "errors.fields" in messages/*.json; limits travel as params ({max}).
 */
/** One line of text: no markup characters, no control characters. */
export const NO_MARKUP = /^[^<>\u0000-\u001f\u007f]*$/;
/** Several lines: the same, but line feeds, carriage returns and tabs are allowed. */
export const NO_MARKUP_MULTILINE = /^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

export const FIELD_LIMITS = { name: 100, title: 100, organisationName: 150, email: 254 } as const;

export const emailField = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(FIELD_LIMITS.email, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }))
  .transform((email) => email.toLowerCase());

function plainText(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .max(max, { error: "tooLong" })
    .regex(NO_MARKUP, { error: "forbiddenCharacters" });
}

export const requiredText = (max: number) => plainText(max).min(1, { error: "required" });
export const optionalText = (max: number) =>
  plainText(max)
    .optional()
    .transform((v) => (v ? v : null));

export const personNameField = requiredText(FIELD_LIMITS.name);
export const titleField = requiredText(FIELD_LIMITS.title);

/** A Swedish postal code, "50630" or "506 30", stored as "506 30" (normalizePostalCode). */
export const postalCodeField = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(10, { error: "tooLong" })
  .transform((v, ctx) => {
    const code = normalizePostalCode(v);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "invalidPostalCode" });
      return z.NEVER;
    }
    return code;
  });

export const localeField = z.enum(["sv", "en"], { error: "invalidChoice" });

/** An id of a row we created (cuid); anything else is refused before it reaches the database. */
export const idField = z.string({ error: "required" }).regex(/^[a-z0-9]{20,40}$/, { error: "invalidChoice" });

/** A path on this site ("/mitt-konto", "/en/account?x=1"), never another host ("//evil", "https://…"). */
export const localPathField = z
  .string()
  .max(500, { error: "tooLong" })
  .regex(/^\/(?![\/\\])[^\s]*$/, { error: "invalidChoice" });
