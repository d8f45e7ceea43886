import "server-only";
import { z } from "zod";
import { postalCodeField, requiredText } from "@/lib/validation/fields";
import { multilineText } from "./workshop-input";

/** The venue form's fields, shared by createVenue and updateVenue. */
export const VENUE_LIMITS = { name: 150, streetAddress: 150, city: 100, accessibilityNotes: 2_000, mapUrl: 500 } as const;

/** A map link must be an https address (it is shown as a link on public pages). */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const venueFields = z.object({
  name: requiredText(VENUE_LIMITS.name),
  streetAddress: requiredText(VENUE_LIMITS.streetAddress),
  postalCode: postalCodeField,
  city: requiredText(VENUE_LIMITS.city),
  accessibilityNotes: multilineText(VENUE_LIMITS.accessibilityNotes, { required: false }).transform((v) => v || null),
  mapUrl: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v === null ? undefined : v),
    z
      .string()
      .max(VENUE_LIMITS.mapUrl, { error: "tooLong" })
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!isHttpsUrl(v)) {
          ctx.addIssue({ code: "custom", message: "httpsUrl" });
          return z.NEVER;
        }
        return v;
      }),
  ),
});
export type VenueFields = z.infer<typeof venueFields>;

export const venueSelect = {
  id: true,
  name: true,
  streetAddress: true,
  postalCode: true,
  city: true,
  accessibilityNotes: true,
  mapUrl: true,
} as const;
