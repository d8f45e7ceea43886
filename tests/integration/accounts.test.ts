import { describe, expect, it } from "vitest";
import { hashVerificationToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { changeRole } from "@/lib/server/accounts/change-role";
import { completeProfile, completeProfileInput } from "@/lib/server/accounts/complete-profile";
import { requestSignInLink, requestSignInLinkInput, SIGN_IN_LIMITS } from "@/lib/server/accounts/request-sign-in-link";
import { setLocale } from "@/lib/server/accounts/set-locale";

const now = new Date("2026-11-23T10:00:00Z");
let counter = 0;
async function user(roles: ("PARTICIPANT" | "ADMIN" | "COORDINATOR")[] = ["PARTICIPANT"]) {
  counter += 1;
  return db.user.create({
    data: {
      email: `person${counter}@kommun.test`,
      name: `Person ${counter}`,
      profileCompletedAt: now,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
}
async function organisation() {
  counter += 1;
  return db.organisation.create({ data: { name: `Testkommun ${counter}`, type: "MEMBER_MUNICIPALITY" } });
}

describe("requesting a sign-in link", () => {
  it("stores only the token's hash and queues the e-mail in the same transaction", async () => {
    await requestSignInLink(requestSignInLinkInput.parse({ email: "Ny.Person@Kommun.test", locale: "sv" }), { ip: "10.0.0.1", now });
    const tokens = await db.verificationToken.findMany({ where: { identifier: "ny.person@kommun.test" } });
    expect(tokens).toHaveLength(1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: "ny.person@kommun.test" } });
    expect(mail.template).toBe("magic-link");
    expect(mail.locale).toBe("sv");
    const link = new URL(String((mail.payload as { url?: string }).url ?? JSON.stringify(mail.payload).match(/https?:[^"]+/)?.[0]));
    expect(link.pathname).toBe("/api/auth/callback/email");
    const raw = link.searchParams.get("token") ?? "";
    expect(raw).toMatch(/^[0-9a-f]{64}$/);
    // The database never holds the token that is in the link.
    expect(tokens[0]?.token).toBe(hashVerificationToken(raw, getEnv().AUTH_SECRET));
    expect(tokens[0]?.token).not.toBe(raw);
  });

  it("is limited per e-mail address, with nothing written once the limit is reached", async () => {
    const email = "ivrig@kommun.test";
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      await requestSignInLink({ email, locale: "sv" }, { ip: `10.1.0.${i}`, now });
    }
    const error = await requestSignInLink({ email, locale: "sv" }, { ip: "10.1.0.99", now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(SIGN_IN_LIMITS.perEmail.limit);
    expect(await db.outboxMessage.count({ where: { toEmail: email } })).toBe(SIGN_IN_LIMITS.perEmail.limit);
    // The next window opens again.
    await requestSignInLink({ email, locale: "sv" }, { ip: "10.1.0.99", now: new Date(now.getTime() + 15 * 60_000) });
  });

  it("is limited per IP address across different e-mail addresses", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await requestSignInLink({ email: `p${i}@ip.test`, locale: "en" }, { ip, now });
    }
    await expect(requestSignInLink({ email: "one-more@ip.test", locale: "en" }, { ip, now })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it.each([["inte-en-adress"], ["a@b"], [""], ["x".repeat(250) + "@kommun.test"], ["<script>@x.se"]])(
    "refuses the address %j before anything is written",
    async (email) => {
      expect(requestSignInLinkInput.safeParse({ email, locale: "sv" }).success).toBe(false);
    },
  );

  it("refuses a callback to another site", () => {
    expect(requestSignInLinkInput.safeParse({ email: "a@kommun.test", callbackUrl: "https://evil.example/" }).success).toBe(false);
    expect(requestSignInLinkInput.safeParse({ email: "a@kommun.test", callbackUrl: "//evil.example/" }).success).toBe(false);
    expect(requestSignInLinkInput.safeParse({ email: "a@kommun.test", callbackUrl: "/en/mina-sidor" }).success).toBe(true);
  });
});

describe("completing the profile", () => {
  it("saves the profile, completes it once and audits before/after", async () => {
    const org = await organisation();
    const person = await db.user.create({ data: { email: "ny@kommun.test", roles: { create: { role: "PARTICIPANT" } } } });
    const input = completeProfileInput.parse({ name: "Anna Berg", title: "Processledare", organisationId: org.id, locale: "en" });
    await completeProfile(person.id, input, now);
    const saved = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(saved).toMatchObject({ name: "Anna Berg", title: "Processledare", organisationId: org.id, locale: "en" });
    expect(saved.profileCompletedAt?.toISOString()).toBe(now.toISOString());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: person.id, action: "user.profile_completed" } });
    expect(audit.after).toMatchObject({ name: "Anna Berg" });
  });

  it("accepts an employer outside the list by name", async () => {
    const person = await user();
    await completeProfile(
      person.id,
      completeProfileInput.parse({ name: "Bo Ek", title: "Utvecklare", organisationId: "other", otherOrganisationName: "Stiftelsen Test", locale: "sv" }),
      now,
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ organisationId: null, otherOrganisationName: "Stiftelsen Test" });
  });

  it.each([
    [{ name: "", title: "x", organisationId: "other", otherOrganisationName: "x", locale: "sv" }, "name", "required"],
    [{ name: "x".repeat(101), title: "x", organisationId: "other", otherOrganisationName: "x", locale: "sv" }, "name", "tooLong"],
    [{ name: "<script>alert(1)</script>", title: "x", organisationId: "other", otherOrganisationName: "x", locale: "sv" }, "name", "forbiddenCharacters"],
    [{ name: "Eva", title: "x", organisationId: "other", locale: "sv" }, "otherOrganisationName", "required"],
    [{ name: "Eva", title: "x", organisationId: "'; drop table", locale: "sv" }, "organisationId", "invalidChoice"],
    [{ name: "Eva", title: "x", organisationId: "other", otherOrganisationName: "x", locale: "de" }, "locale", "invalidChoice"],
  ])("refuses %j with %s: %s", (raw, field, key) => {
    const parsed = completeProfileInput.safeParse(raw);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toBe(key);
  });

  it("refuses an unknown organisation id with a field error and writes nothing", async () => {
    const person = await db.user.create({ data: { email: "okand@kommun.test" } });
    const input = completeProfileInput.parse({ name: "Eva", title: "x", organisationId: "c".repeat(25), locale: "sv" });
    await expect(completeProfile(person.id, input, now)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { organisationId: ["unknownOrganisation"] },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: null, profileCompletedAt: null });
    expect(await db.auditEvent.count({ where: { entityId: person.id } })).toBe(0);
  });
});

describe("roles", () => {
  it("an admin grants a role: the row, an audit event with before/after and an e-mail, all together", async () => {
    const admin = await user(["ADMIN"]);
    const person = await user();
    expect(await changeRole(admin.id, { userId: person.id, role: "COORDINATOR", grant: true })).toEqual({ changed: true });
    const roles = await db.userRole.findMany({ where: { userId: person.id } });
    expect(roles.map((r) => r.role).sort()).toEqual(["COORDINATOR", "PARTICIPANT"]);
    expect(roles.find((r) => r.role === "COORDINATOR")?.grantedById).toBe(admin.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: person.id, action: "role.granted" } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { roles: ["PARTICIPANT"] }, after: { roles: ["COORDINATOR", "PARTICIPANT"] } });
    expect(await db.outboxMessage.count({ where: { toEmail: person.email, template: "role-granted" } })).toBe(1);
  });

  it("granting a role twice (also at the same time) changes nothing the second time", async () => {
    const admin = await user(["ADMIN"]);
    const person = await user();
    const results = await Promise.all([1, 2, 3].map(() => changeRole(admin.id, { userId: person.id, role: "SUPERVISOR", grant: true })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: person.id, action: "role.granted" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { toEmail: person.email } })).toBe(1);
  });

  it("revokes a role and audits it", async () => {
    const admin = await user(["ADMIN"]);
    const person = await user(["PARTICIPANT", "COORDINATOR"]);
    await changeRole(admin.id, { userId: person.id, role: "COORDINATOR", grant: false });
    expect((await db.userRole.findMany({ where: { userId: person.id } })).map((r) => r.role)).toEqual(["PARTICIPANT"]);
    expect(await db.auditEvent.count({ where: { entityId: person.id, action: "role.revoked" } })).toBe(1);
  });

  it("never removes the last admin", async () => {
    await db.userRole.deleteMany({ where: { role: "ADMIN" } });
    const admin = await user(["ADMIN"]);
    await expect(changeRole(admin.id, { userId: admin.id, role: "ADMIN", grant: false })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    expect(await db.userRole.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("an unknown user is NOT_FOUND", async () => {
    const admin = await user(["ADMIN"]);
    await expect(changeRole(admin.id, { userId: "c".repeat(25), role: "ADMIN", grant: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("language", () => {
  it("stores the language on the profile and audits a change", async () => {
    const person = await user();
    await setLocale(person.id, { locale: "en" });
    await setLocale(person.id, { locale: "en" });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).locale).toBe("en");
    expect(await db.auditEvent.count({ where: { entityId: person.id, action: "user.locale_changed" } })).toBe(1);
  });
});
