/**
 * Malformed and hostile input through the real server actions, as a browser would send it: each is
 * refused with INVALID_INPUT (or NOT_FOUND) and a message by the right field in the reader's language,
 * and nothing is written: no row changed, no audit event, no e-mail, no sign-in token, no rate-limit hit.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { cancelBookingInput } from "@/lib/server/enrollment/cancel-booking";
import { completeProfileAction, requestSignInLinkAction } from "@/app/_actions/accounts";
import { changeRoleAction } from "@/app/_actions/admin";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";
import en from "@/messages/en.json";
import sv from "@/messages/sv.json";
import { createOrganisation, createUser } from "@/tests/factories";
import { callForResult, createPerson, signInAs, writeMarks } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const MESSAGES = { sv, en };
type FieldKey = keyof typeof sv.errors.fields;

/** The text a reader sees by a field, from messages/<locale>.json. */
function fieldText(locale: Locale, key: FieldKey, params: Record<string, number> = {}): string {
  return MESSAGES[locale].errors.fields[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}

/** An id shaped like ours (cuid) that no row has. */
const UNKNOWN_ID = "cmzz0unknown0000000000000";

beforeEach(() => signInAs(null));

describe("asking for a sign-in link with a malformed address", () => {
  const addresses: [string, string, FieldKey, Record<string, number>?][] = [
    ["empty", "", "required"],
    ["no @", "not-an-email", "invalidEmail"],
    ["no domain", "a@b", "invalidEmail"],
    ["markup", "<script>@x.se", "invalidEmail"],
    ["300 characters", `${"a".repeat(288)}@kommun.test`, "tooLong", { max: 254 }],
  ];

  describe.each([
    ["signed out, in Swedish", "sv" as const, false],
    ["signed in, in English", "en" as const, true],
  ])("%s", (_, locale, signedIn) => {
    it.each(addresses)("%s (%j): %s", async (_label, email, key, params) => {
      if (signedIn) signInAs(await createPerson({ roles: ["PARTICIPANT"], locale }));
      const before = await writeMarks();
      const result = await callForResult(requestSignInLinkAction, { email, locale: "sv" });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", message: MESSAGES[locale].errors.codes.INVALID_INPUT });
      expect(result.ok ? undefined : result.fieldErrors).toEqual({ email: [fieldText(locale, key, params)] });
      expect(await writeMarks()).toEqual(before);
      expect(await db.verificationToken.count()).toBe(0);
      expect(await db.outboxMessage.count()).toBe(0);
    });
  });
});

describe("completing the profile with bad values", () => {
  const valid = { name: "Eva Lind", title: "Enhetschef", organisationId: "other", otherOrganisationName: "Stiftelsen Test", locale: "sv" };
  const cases: [string, Record<string, unknown>, string, FieldKey, Record<string, number>?][] = [
    ["a name of 101 characters", { name: "x".repeat(101) }, "name", "tooLong", { max: 100 }],
    ["markup in the name", { name: "<script>alert(1)</script>" }, "name", "forbiddenCharacters"],
    ["markup in the title", { title: "<script>alert(1)</script>" }, "title", "forbiddenCharacters"],
    ["an organisation id that does not exist", { organisationId: UNKNOWN_ID, otherOrganisationName: undefined }, "organisationId", "unknownOrganisation"],
    ["an organisation id that is not an id", { organisationId: "'; drop table \"User\"; --" }, "organisationId", "invalidChoice"],
    ["another employer without its name", { otherOrganisationName: "" }, "otherOrganisationName", "required"],
    ["a language we do not have", { locale: "de" }, "locale", "invalidChoice"],
  ];

  describe.each([
    ["a newcomer, in Swedish", "sv" as const, false],
    ["a person with a profile, in English", "en" as const, true],
  ])("%s", (_, locale, profileComplete) => {
    it.each(cases)("%s", async (_label, change, field, key, params) => {
      await createOrganisation(db); // a list to choose from, so "unknown" means unknown
      const person = await createPerson({ roles: ["PARTICIPANT"], locale, profileComplete });
      signInAs(person);
      const before = await writeMarks();
      const result = await callForResult(completeProfileAction, { ...valid, ...change });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", message: MESSAGES[locale].errors.codes.INVALID_INPUT });
      expect(result.ok ? undefined : result.fieldErrors).toEqual({ [field]: [fieldText(locale, key, params)] });
      expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toEqual(person);
      expect(await db.auditEvent.count({ where: { entityId: person.id } })).toBe(0);
      expect(await writeMarks()).toEqual(before);
    });
  });
});

describe("changing a role with bad values", () => {
  const cases: [string, (targetId: string) => unknown, "INVALID_INPUT" | "NOT_FOUND", string?][] = [
    ["a role that does not exist", (userId) => ({ userId, role: "SUPERUSER", grant: true }), "INVALID_INPUT", "role"],
    ["a role in lower case", (userId) => ({ userId, role: "admin", grant: true }), "INVALID_INPUT", "role"],
    ["no role", (userId) => ({ userId, grant: true }), "INVALID_INPUT", "role"],
    ["a user id that is not an id", () => ({ userId: "'; delete from \"UserRole\"; --", role: "ADMIN", grant: true }), "INVALID_INPUT", "userId"],
    ["a user id that is a number", () => ({ userId: 42, role: "ADMIN", grant: true }), "INVALID_INPUT", "userId"],
    ["an empty user id", () => ({ userId: "", role: "ADMIN", grant: true }), "INVALID_INPUT", "userId"],
    ["a user who does not exist", () => ({ userId: UNKNOWN_ID, role: "ADMIN", grant: true }), "NOT_FOUND"],
    [
      "a form with a role that does not exist",
      (userId) => {
        const form = new FormData();
        form.set("userId", userId);
        form.set("role", "GOD");
        form.set("grant", "on");
        return form;
      },
      "INVALID_INPUT",
      "role",
    ],
  ];

  it.each(cases)("%s → %s", async (_label, input, code, field) => {
    const admin = await createPerson({ roles: ["ADMIN"] });
    const target = await createUser(db, { roles: ["PARTICIPANT"] });
    signInAs(admin);
    const before = await writeMarks();
    const result = await callForResult(changeRoleAction, input(target.id));
    expect(result).toMatchObject({ ok: false, code, message: sv.errors.codes[code] });
    if (field) {
      expect(result.ok ? undefined : Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    }
    expect((await db.userRole.findMany({ where: { userId: target.id } })).map((r) => r.role)).toEqual(["PARTICIPANT"]);
    expect(await writeMarks()).toEqual(before);
  });
});

describe("a cancellation reason", () => {
  it.each(["session cancelled", " Session Cancelled "])("cannot be the organiser's own reason for a cancelled session (%j): it would give everything back", (reason) => {
    const parsed = cancelBookingInput.safeParse({ bookingId: UNKNOWN_ID, reason });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reason", "invalid"]]);
  });

  it("can be any other text", () => {
    expect(cancelBookingInput.parse({ bookingId: UNKNOWN_ID, reason: "Sjuk, session cancelled by my manager" }).reason).toBe("Sjuk, session cancelled by my manager");
  });
});
