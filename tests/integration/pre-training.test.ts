/**
 * The pre-training form against the database: the participant saves and submits, the manager's
 * link carries a secret whose hash alone is stored, the manager confirms once, and nobody else's
 * booking, no stale link and no hostile input writes anything.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { confirmAsManagerAction, savePreTrainingDraftAction, submitPreTrainingFormAction } from "@/app/_actions/pre-training";
import { hashSecret } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/i18n/paths";
import { renderEmail } from "@/lib/mail/render";
import type { DefinedAction } from "@/lib/server/action";
import { confirmAsManager } from "@/lib/server/pre-training/confirm-as-manager";
import { preTrainingDraftInput, preTrainingSubmitInput } from "@/lib/server/pre-training/form-input";
import { getManagerConfirmation } from "@/lib/server/pre-training/get-manager-confirmation";
import { getPreTrainingForm } from "@/lib/server/pre-training/get-pre-training-form";
import { getPreTrainingOverview } from "@/lib/server/pre-training/get-pre-training-overview";
import { savePreTrainingDraft } from "@/lib/server/pre-training/save-pre-training-draft";
import { submitPreTrainingForm } from "@/lib/server/pre-training/submit-pre-training-form";
import sv from "@/messages/sv.json";
import {
  createBooking,
  createGathering,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createUser,
  createVenue,
  createWorkshop,
} from "@/tests/factories";
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const now = new Date("2026-11-23T10:00:00Z");
// The first gathering: Thursday 14 January 2027, 09:00 Stockholm time.
const workshopStart = new Date("2027-01-14T08:00:00Z");

beforeEach(() => signInAs(null));

async function scenario(options: { status?: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED"; locale?: "sv" | "en"; orderer?: boolean } = {}) {
  const organiser = await createOrganiser(db);
  const workshop = await createWorkshop(db, { organiserId: organiser.id, startsOn: "2027-01-14" });
  const venue = await createVenue(db);
  await createGathering(db, { workshopId: workshop.id, venueId: venue.id, date: "2027-01-14", from: "09:00" });
  await createGathering(db, { workshopId: workshop.id, venueId: venue.id, date: "2027-02-11", from: "09:00" });
  const organisation = await createOrganisation(db);
  const participant = await createUser(db, { name: "Anna Berg", organisationId: organisation.id, locale: options.locale ?? "sv" });
  const orderer = options.orderer ? await createUser(db, { roles: ["ORDERER"], organisationId: organisation.id }) : null;
  const booking = await createBooking(db, {
    kind: "PACKAGE",
    workshopId: workshop.id,
    participantId: participant.id,
    bookedById: orderer?.id,
    status: options.status ?? "CONFIRMED",
  });
  return { workshop, venue, organisation, participant, orderer, booking };
}

/** Every test's manager has an address of their own, so mail counts never mix tests (one database per file). */
const managerOf = (bookingId: string) => `chef.${bookingId}@kommun.test`;

const answers = (bookingId: string, change: Record<string, unknown> = {}) => ({
  bookingId,
  expectedGain: "Att jag kan leda förbättringsarbete med PDSA i vår hemtjänst.",
  disseminationPlan: "Jag berättar på APT i februari och provar arbetssättet med mitt team.",
  managerName: "Karin Chef",
  managerEmail: managerOf(bookingId),
  agreedWithManager: "on",
  ...change,
});

/** Counts of everything the form's use cases write. */
async function marks() {
  const [forms, outbox, audit] = await Promise.all([db.preTrainingForm.count(), db.outboxMessage.count(), db.auditEvent.count()]);
  return { forms, outbox, audit, lastFormUpdate: (await db.preTrainingForm.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.toISOString() ?? null };
}

/** The secret in the link of the latest e-mail to the manager. */
async function tokenFromMail(to: string) {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: to, template: "manager-confirmation-request" }, orderBy: { createdAt: "desc" } });
  const url = new URL((mail.payload as { url: string }).url);
  return { mail, url, token: decodeURIComponent(url.pathname.split("/").pop() ?? "") };
}

describe("submitting the form", () => {
  it("writes the form, an audit event and the manager's e-mail whose link holds the secret that only its hash is stored for", async () => {
    const { booking, participant } = await scenario({ status: "PENDING_PAYMENT" });
    const input = preTrainingSubmitInput.parse(answers(booking.id, { managerEmail: "Karin.Chef@Kommun.test" }));
    const result = await submitPreTrainingForm(participant, input, { now });
    expect(result).toEqual({ submittedAt: now.toISOString(), managerEmail: "karin.chef@kommun.test" });

    const form = await db.preTrainingForm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(form).toMatchObject({ managerName: "Karin Chef", managerEmail: "karin.chef@kommun.test", agreedWithManager: true, managerConfirmedAt: null });
    expect(form.submittedAt?.toISOString()).toBe(now.toISOString());

    const { mail, url, token } = await tokenFromMail("karin.chef@kommun.test");
    expect(mail.locale).toBe("sv");
    expect(url.origin).toBe(new URL(getEnv().APP_URL).origin);
    expect(url.pathname).toBe(paths.managerConfirmation("sv", token));
    expect(url.pathname.startsWith("/chef-bekraftar/")).toBe(true);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(form.managerTokenHash).toBe(hashSecret(token));
    expect(form.managerTokenHash).not.toBe(token);
    expect(mail.payload).toMatchObject({ participant: "Anna Berg", managerName: "Karin Chef" });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: form.id, action: "pre_training.submitted" } });
    expect(audit).toMatchObject({ actorId: participant.id, entityType: "PreTrainingForm", after: { managerEmail: "karin.chef@kommun.test" } });
    // The answers themselves stay out of the audit log.
    expect(JSON.stringify(audit.after)).not.toContain("PDSA");

    // The queued e-mail renders, with the link, in the participant's language.
    const rendered = renderEmail(mail.template, mail.payload, mail.locale, getEnv().APP_URL);
    expect(rendered.text).toContain(url.toString());
    expect(rendered.subject).toContain("Anna Berg");
  });

  it("e-mails the manager in the participant's language, with the English address of the page", async () => {
    const { booking, participant } = await scenario({ locale: "en" });
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id, { managerEmail: "boss@kommun.test" })), { now });
    const { mail, url } = await tokenFromMail("boss@kommun.test");
    expect(mail.locale).toBe("en");
    expect(url.pathname.startsWith("/en/manager-confirms/")).toBe(true);
  });

  it("a draft may be incomplete; once submitted, changes go by submitting again", async () => {
    const { booking, participant } = await scenario();
    await savePreTrainingDraft(participant, preTrainingDraftInput.parse({ bookingId: booking.id, expectedGain: "Halvfärdig tanke" }), now);
    const draft = await db.preTrainingForm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(draft).toMatchObject({
      expectedGain: "Halvfärdig tanke",
      disseminationPlan: "",
      managerEmail: "",
      agreedWithManager: false,
      submittedAt: null,
      managerTokenHash: null,
    });
    expect(await db.outboxMessage.count({ where: { toEmail: managerOf(booking.id) } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: draft.id } })).toBe(0);
    // Submitting the incomplete draft is refused by the schema, field by field.
    const parsed = preTrainingSubmitInput.safeParse({ bookingId: booking.id, expectedGain: "Halvfärdig tanke" });
    expect(Object.fromEntries((parsed.error?.issues ?? []).map((i) => [i.path[0], i.message]))).toEqual({
      disseminationPlan: "required",
      managerName: "required",
      managerEmail: "required",
      agreedWithManager: "mustAgree",
    });

    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now });
    await expect(savePreTrainingDraft(participant, preTrainingDraftInput.parse(answers(booking.id)), now)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("each submission makes a new link: the old one stops working and the manager confirms again", async () => {
    const { booking, participant } = await scenario();
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now });
    const first = await tokenFromMail(managerOf(booking.id));
    await confirmAsManager({ token: first.token }, { now });

    const later = new Date(now.getTime() + 86_400_000);
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id, { disseminationPlan: "Ny plan: workshop med teamet." })), { now: later });
    const second = await tokenFromMail(managerOf(booking.id));
    expect(second.token).not.toBe(first.token);
    const form = await db.preTrainingForm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(form).toMatchObject({ managerTokenHash: hashSecret(second.token), managerConfirmedAt: null, disseminationPlan: "Ny plan: workshop med teamet." });
    expect(await db.outboxMessage.count({ where: { toEmail: managerOf(booking.id), template: "manager-confirmation-request" } })).toBe(2);

    expect(await getManagerConfirmation(first.token)).toBeNull();
    await expect(confirmAsManager({ token: first.token }, { now: later })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getManagerConfirmation(second.token))?.disseminationPlan).toBe("Ny plan: workshop med teamet.");
  });

  it("closes when the first gathering starts: read-only, and saving or submitting is refused with nothing written", async () => {
    const { booking, participant } = await scenario();
    await savePreTrainingDraft(participant, preTrainingDraftInput.parse(answers(booking.id)), now);
    const justBefore = new Date(workshopStart.getTime() - 1);
    expect((await getPreTrainingForm(participant, booking.id, justBefore)).open).toBe(true);
    const view = await getPreTrainingForm(participant, booking.id, workshopStart);
    expect(view).toMatchObject({ open: false, state: "DRAFT", closesAt: workshopStart, viewer: "participant" });

    const before = await marks();
    await expect(savePreTrainingDraft(participant, preTrainingDraftInput.parse(answers(booking.id)), workshopStart)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now: workshopStart })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await marks()).toEqual(before);
  });
});

describe("someone else's booking", () => {
  it("a stranger gets NOT_FOUND for reading, saving and submitting, and nothing is written", async () => {
    const { booking } = await scenario();
    const stranger = await createUser(db);
    const before = await marks();
    await expect(getPreTrainingForm(stranger, booking.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(savePreTrainingDraft(stranger, preTrainingDraftInput.parse(answers(booking.id)), now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitPreTrainingForm(stranger, preTrainingSubmitInput.parse(answers(booking.id)), { now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await marks()).toEqual(before);
  });

  it("the orderer who booked may read the form, but only the participant fills it in", async () => {
    const { booking, orderer } = await scenario({ orderer: true });
    if (!orderer) throw new Error("scenario without orderer");
    expect(await getPreTrainingForm(orderer, booking.id, now)).toMatchObject({ viewer: "orderer", state: "NOT_STARTED", participantName: "Anna Berg" });
    const before = await marks();
    await expect(submitPreTrainingForm(orderer, preTrainingSubmitInput.parse(answers(booking.id)), { now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(savePreTrainingDraft(orderer, preTrainingDraftInput.parse(answers(booking.id)), now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await marks()).toEqual(before);
  });

  it("a cancelled package booking, a lecture booking and an unknown id have no form", async () => {
    const cancelled = await scenario({ status: "CANCELLED" });
    await expect(getPreTrainingForm(cancelled.participant, cancelled.booking.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      submitPreTrainingForm(cancelled.participant, preTrainingSubmitInput.parse(answers(cancelled.booking.id)), { now }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { workshop, venue, participant } = await scenario();
    const lecturer = await createLecturer(db);
    const lecture = await createLecture(db, { workshopId: workshop.id, venueId: venue.id, lecturerId: lecturer.id });
    const lectureBooking = await createBooking(db, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture.id, participantId: participant.id });
    await expect(getPreTrainingForm(participant, lectureBooking.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPreTrainingForm(participant, "cmzz0unknown0000000000000", now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.preTrainingForm.count({ where: { bookingId: { in: [cancelled.booking.id, lectureBooking.id] } } })).toBe(0);
  });
});

describe("the manager confirms", () => {
  it("with the right token: sets managerConfirmedAt once, audits once, and a second press answers with the first", async () => {
    const { booking, participant, organisation, workshop } = await scenario();
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now });
    const { token } = await tokenFromMail(managerOf(booking.id));

    const page = await getManagerConfirmation(token);
    expect(page).toMatchObject({
      participantName: "Anna Berg",
      organisationName: organisation.name,
      workshop: { title: workshop.title, startsOn: "2027-01-14" },
      managerName: "Karin Chef",
      managerConfirmedAt: null,
    });
    expect(page?.expectedGain).toContain("PDSA");

    const at = new Date(now.getTime() + 3_600_000);
    expect(await confirmAsManager({ token }, { now: at })).toEqual({ confirmedAt: at.toISOString(), alreadyConfirmed: false });
    const again = await confirmAsManager({ token }, { now: new Date(at.getTime() + 60_000) });
    expect(again).toEqual({ confirmedAt: at.toISOString(), alreadyConfirmed: true });
    const form = await db.preTrainingForm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(form.managerConfirmedAt?.toISOString()).toBe(at.toISOString());
    expect(await db.auditEvent.count({ where: { entityId: form.id, action: "pre_training.manager_confirmed" } })).toBe(1);
    expect(await getPreTrainingForm(participant, booking.id, at)).toMatchObject({ state: "CONFIRMED" });
  });

  it("pressed many times at once: one confirmation, one audit event", async () => {
    const { booking, participant } = await scenario();
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now });
    const { token } = await tokenFromMail(managerOf(booking.id));
    const results = await Promise.all(Array.from({ length: 5 }, () => confirmAsManager({ token }, { now })));
    expect(results.filter((r) => !r.alreadyConfirmed)).toHaveLength(1);
    const form = await db.preTrainingForm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(await db.auditEvent.count({ where: { entityId: form.id, action: "pre_training.manager_confirmed" } })).toBe(1);
  });

  it.each([
    ["a well-formed token that matches nothing", "A".repeat(43)],
    ["a malformed token", "../../etc/passwd"],
    ["an empty-looking token", " "],
  ])("%s is NOT_FOUND and writes nothing", async (_, token) => {
    const { booking, participant } = await scenario();
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now });
    const before = await marks();
    expect(await getManagerConfirmation(token)).toBeNull();
    await expect(confirmAsManager({ token }, { now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await marks()).toEqual(before);
  });

  it("a link to a booking that was cancelled since stops working", async () => {
    const { booking, participant } = await scenario();
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now });
    const { token } = await tokenFromMail(managerOf(booking.id));
    await db.booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", activeSessionKey: null, cancelledAt: now } });
    expect(await getManagerConfirmation(token)).toBeNull();
    await expect(confirmAsManager({ token }, { now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("through the server actions", () => {
  const fields = sv.errors.fields;

  it("the participant submits; the manager confirms signed out, with the link alone", async () => {
    const { booking, participant } = await scenario();
    signInAs(participant);
    expect(await callForResult(submitPreTrainingFormAction, answers(booking.id))).toMatchObject({ ok: true, data: { managerEmail: managerOf(booking.id) } });
    const { token } = await tokenFromMail(managerOf(booking.id));
    signInAs(null);
    expect(await callForResult(confirmAsManagerAction, { token })).toMatchObject({ ok: true, data: { alreadyConfirmed: false } });
    expect(await callForResult(confirmAsManagerAction, { token: "B".repeat(43) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("a stranger's call answers NOT_FOUND; signed out answers UNAUTHENTICATED; nothing is written", async () => {
    const { booking } = await scenario();
    const before = await marks();
    signInAs(await createUser(db));
    expect(await callForResult(submitPreTrainingFormAction, answers(booking.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await callForResult(savePreTrainingDraftAction, answers(booking.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(null);
    expect(await callForResult(submitPreTrainingFormAction, answers(booking.id))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await marks()).toEqual(before);
  });

  it.each([
    ["an overlong expected gain", { expectedGain: "x".repeat(2001) }, "expectedGain", fields.tooLong.replace("{max}", "2000")],
    ["an overlong dissemination plan", { disseminationPlan: "å".repeat(2001) }, "disseminationPlan", fields.tooLong.replace("{max}", "2000")],
    ["markup in an answer", { expectedGain: "<script>alert(1)</script>" }, "expectedGain", fields.forbiddenCharacters],
    ["markup in the manager's name", { managerName: "<b>Karin</b>" }, "managerName", fields.forbiddenCharacters],
    ["a control character", { disseminationPlan: "Rad\u0007ett" }, "disseminationPlan", fields.forbiddenCharacters],
    ["a malformed manager address", { managerEmail: "karin-at-kommun" }, "managerEmail", fields.invalidEmail],
    ["no agreement with the manager", { agreedWithManager: undefined }, "agreedWithManager", fields.mustAgree],
    ["an empty answer", { expectedGain: "   " }, "expectedGain", fields.required],
  ])("%s: a translated field error, nothing written", async (_, change, field, message) => {
    const { booking, participant } = await scenario();
    signInAs(participant);
    const before = await marks();
    for (const action of [submitPreTrainingFormAction, savePreTrainingDraftAction] as DefinedAction<unknown>[]) {
      const result = await callForResult(action, answers(booking.id, change));
      // A draft may be incomplete and need not be agreed yet: only the checks on what is written apply.
      if (action.actionName === "preTraining.save" && (field === "agreedWithManager" || message === fields.required)) {
        expect(result.ok).toBe(true);
        await db.preTrainingForm.deleteMany({ where: { bookingId: booking.id } });
        continue;
      }
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      if (!result.ok) expect(result.fieldErrors?.[field]).toEqual([message]);
    }
    expect(await marks()).toMatchObject({ forms: before.forms, outbox: before.outbox, audit: before.audit });
  });

  it("keeps line breaks and counts them once (2000 characters with Windows line breaks is fine)", async () => {
    const { booking, participant } = await scenario();
    signInAs(participant);
    const text = `${"a".repeat(999)}\r\n${"b".repeat(1000)}`; // 2001 characters as sent, 2000 as written
    expect(await callForResult(submitPreTrainingFormAction, answers(booking.id, { expectedGain: text }))).toMatchObject({ ok: true });
    const form = await db.preTrainingForm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    expect(form.expectedGain).toBe(`${"a".repeat(999)}\n${"b".repeat(1000)}`);
  });
});

describe("the coordinator's overview", () => {
  it("counts package participants per organisation, with who is missing, filtered by workshop", async () => {
    const { workshop, booking, participant, organisation } = await scenario();
    await submitPreTrainingForm(participant, preTrainingSubmitInput.parse(answers(booking.id)), { now });
    const { token } = await tokenFromMail(managerOf(booking.id));
    await confirmAsManager({ token }, { now });

    const colleague = await createUser(db, { name: "Bo Alm", organisationId: organisation.id });
    const colleagueBooking = await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: colleague.id, status: "PENDING_PAYMENT" });
    await savePreTrainingDraft(colleague, preTrainingDraftInput.parse({ bookingId: colleagueBooking.id, expectedGain: "Utkast" }), now);
    const waiting = await createUser(db, { name: "Cilla Holm", organisationId: organisation.id });
    const waitingBooking = await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: waiting.id });
    await submitPreTrainingForm(waiting, preTrainingSubmitInput.parse(answers(waitingBooking.id, { managerEmail: "other@kommun.test" })), { now });
    const outsider = await createUser(db, { name: "Dan Fri", organisationId: null, otherOrganisationName: "Stiftelsen Test" });
    await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: outsider.id });
    // Not counted: a cancelled package booking.
    const gone = await createUser(db, { name: "Gone Away", organisationId: organisation.id });
    await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: gone.id, status: "CANCELLED" });

    const other = await scenario();
    const overview = await getPreTrainingOverview({ workshop: workshop.id });
    expect(overview.workshops.map((w) => w.id)).toEqual(expect.arrayContaining([workshop.id, other.workshop.id]));
    expect(overview.sections).toHaveLength(1);
    const section = overview.sections[0]!;
    expect(section.workshop).toMatchObject({ id: workshop.id, closesAt: workshopStart });
    expect(section.organisations).toEqual([
      { organisationName: "Stiftelsen Test", participants: 1, submitted: 0, confirmed: 0, missing: ["Dan Fri"], awaitingManager: [] },
      { organisationName: organisation.name, participants: 3, submitted: 2, confirmed: 1, missing: ["Bo Alm"], awaitingManager: ["Cilla Holm"] },
    ].sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv")));
    expect(section.total).toMatchObject({ participants: 4, submitted: 2, confirmed: 1, missing: ["Bo Alm", "Dan Fri"] });

    const all = await getPreTrainingOverview({});
    expect(all.sections.map((s) => s.workshop.id)).toEqual(expect.arrayContaining([workshop.id, other.workshop.id]));
  });
});
