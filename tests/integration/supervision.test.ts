/**
 * Supervision against the database: a coordinator assigns a supervisor to an accepted project PM
 * (limit per supervisor, the supervisor role, one supervision per PM even when two coordinators press
 * at once), the supervisor logs meetings in their own projects only, coordinators see meetings held
 * against planned, and the participant sees their own supervisor and meetings.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { assignSupervisorAction, completeSupervisionAction, logMeetingAction } from "@/app/_actions/supervision";
import { db } from "@/lib/db";
import { addDays, toStockholmDate } from "@/lib/domain/time";
import { getEnv } from "@/lib/env";
import type { PmStatus } from "@/lib/generated/prisma/enums";
import { paths } from "@/lib/i18n/paths";
import { renderEmail } from "@/lib/mail/render";
import { assignSupervisor } from "@/lib/server/supervision/assign-supervisor";
import { completeSupervision } from "@/lib/server/supervision/complete-supervision";
import { getMyProject } from "@/lib/server/supervision/get-my-project";
import { getSupervision } from "@/lib/server/supervision/get-supervision";
import { listMySupervisions } from "@/lib/server/supervision/list-my-supervisions";
import { listSupervisionOverview } from "@/lib/server/supervision/list-supervision-overview";
import { logMeeting } from "@/lib/server/supervision/log-meeting";
import {
  createBooking,
  createOrganisation,
  createOrganiser,
  createProjectPm,
  createSupervision,
  createSupervisionMeeting,
  createUser,
  createWorkshop,
} from "@/tests/factories";
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

// Wednesday 19 February 2031, 11:00 Stockholm time.
const now = new Date("2031-02-19T10:00:00Z");
const asRoles = (user: { id: string }, roles: ("PARTICIPANT" | "COORDINATOR" | "SUPERVISOR" | "ADMIN")[]) => ({ id: user.id, roles });

beforeEach(() => signInAs(null));

async function workshopWith(options: { supervisionMonths?: number; startsOn?: string } = {}) {
  const organiser = await createOrganiser(db);
  return createWorkshop(db, {
    organiserId: organiser.id,
    startsOn: options.startsOn ?? "2031-01-16",
    endsOn: "2031-06-12",
    pmDeadline: "2031-01-10",
    cancellationDeadline: "2031-01-02",
    followUpOn: "2031-12-11",
    ...(options.supervisionMonths !== undefined && { supervisionMonths: options.supervisionMonths }),
  });
}

const coordinatorUser = () => createUser(db, { roles: ["COORDINATOR"], name: "Sam Samordnare" });
const supervisorUser = (data: { supervisionLimit?: number; name?: string; locale?: "sv" | "en" } = {}) =>
  createUser(db, { roles: ["SUPERVISOR"], ...data });

/** A package participant with an own project and a PM in the given status (ACCEPTED by default). */
async function projectIn(workshopId: string, options: { status?: PmStatus; name?: string; locale?: "sv" | "en" } = {}) {
  const organisation = await createOrganisation(db);
  const participant = await createUser(db, { name: options.name ?? "Anna Berg", organisationId: organisation.id, locale: options.locale ?? "sv" });
  const booking = await createBooking(db, { kind: "PACKAGE", workshopId, participantId: participant.id, ownProject: true });
  const reviewer = await coordinatorUser();
  const pm = await createProjectPm(db, {
    bookingId: booking.id,
    workshopId,
    participantId: participant.id,
    status: options.status ?? "ACCEPTED",
    reviewerId: reviewer.id,
    texts: { title: `Tryggare hemgång ${participant.id.slice(-4)}` },
  });
  return { participant, booking, pm, organisation };
}

/** A supervision ready for meetings, made straight in the database. */
async function runningSupervision(options: { startsOn?: string; endsOn?: string; plannedMeetings?: number } = {}) {
  const workshop = await workshopWith();
  const { participant, pm } = await projectIn(workshop.id);
  const supervisor = await supervisorUser();
  const coordinator = await coordinatorUser();
  const supervision = await createSupervision(db, {
    pmId: pm.id,
    supervisorId: supervisor.id,
    assignedById: coordinator.id,
    startsOn: options.startsOn ?? "2031-01-16",
    endsOn: options.endsOn ?? "2031-06-16",
    plannedMeetings: options.plannedMeetings ?? 5,
  });
  return { workshop, participant, pm, supervisor, coordinator, supervision };
}

const countsFor = async (pmId: string) => ({
  supervisions: await db.supervision.count({ where: { pmId } }),
  audit: await db.auditEvent.count({ where: { action: "supervision.assigned", after: { path: ["pmId"], equals: pmId } } }),
});

describe("assigning a supervisor", () => {
  it("creates the supervision for the workshop's months, an audit event and an e-mail to participant and supervisor", async () => {
    const workshop = await workshopWith();
    const { participant, pm } = await projectIn(workshop.id, { name: "Anna Berg" });
    const supervisor = await supervisorUser({ name: "Hedda Handledare", locale: "en" });
    const coordinator = await coordinatorUser();

    const result = await assignSupervisor(asRoles(coordinator, ["COORDINATOR"]), { pmId: pm.id, supervisorId: supervisor.id, startsOn: "2031-01-16", plannedMeetings: 6 }, now);
    expect(result).toMatchObject({ startsOn: "2031-01-16", endsOn: "2031-06-16", plannedMeetings: 6 });

    const row = await db.supervision.findUniqueOrThrow({ where: { pmId: pm.id } });
    expect(row).toMatchObject({ supervisorId: supervisor.id, assignedById: coordinator.id, status: "ACTIVE", plannedMeetings: 6 });
    expect(row.startsOn.toISOString().slice(0, 10)).toBe("2031-01-16");
    expect(row.endsOn.toISOString().slice(0, 10)).toBe("2031-06-16");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "supervision.assigned" } });
    expect(audit).toMatchObject({ actorId: coordinator.id, entityType: "Supervision", after: { pmId: pm.id, supervisorId: supervisor.id, limit: 8, activeBefore: 0 } });

    const toParticipant = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: participant.email, template: "supervisor-assigned" } });
    const toSupervisor = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: supervisor.email, template: "supervisor-assigned" } });
    expect(toParticipant.locale).toBe("sv");
    expect(toSupervisor.locale).toBe("en");
    const appUrl = getEnv().APP_URL;
    const forParticipant = renderEmail(toParticipant.template, toParticipant.payload, toParticipant.locale, appUrl);
    expect(forParticipant.subject).toContain("Hedda Handledare");
    expect(forParticipant.text).toContain(supervisor.email);
    expect(forParticipant.text).toContain("16 januari 2031");
    expect(forParticipant.text).toContain("16 juni 2031");
    expect(forParticipant.text).toContain("6 träffar");
    expect(forParticipant.text).toContain(new URL(paths.myProject("sv"), appUrl).toString());
    const forSupervisor = renderEmail(toSupervisor.template, toSupervisor.payload, toSupervisor.locale, appUrl);
    expect(forSupervisor.subject).toContain("Anna Berg");
    expect(forSupervisor.text).toContain("16 January 2031");
    expect(forSupervisor.text).toContain(new URL(paths.supervision("en", row.id), appUrl).toString());
  });

  it("ends the period by calendar months: 31 January + 1 month is 28 February", async () => {
    const workshop = await workshopWith({ supervisionMonths: 1 });
    const { pm } = await projectIn(workshop.id);
    const supervisor = await supervisorUser();
    const coordinator = await coordinatorUser();
    const result = await assignSupervisor(asRoles(coordinator, ["COORDINATOR"]), { pmId: pm.id, supervisorId: supervisor.id, startsOn: "2031-01-31", plannedMeetings: 2 }, now);
    expect(result).toMatchObject({ startsOn: "2031-01-31", endsOn: "2031-02-28" });
  });

  it("through the action: coordinators and admins may, a participant or a supervisor may not", async () => {
    const workshop = await workshopWith();
    const supervisor = await supervisorUser();
    const input = (pmId: string) => ({ pmId, supervisorId: supervisor.id, startsOn: "2031-01-16", plannedMeetings: "5" });

    const first = await projectIn(workshop.id);
    signInAs(first.participant);
    expect(await callForResult(assignSupervisorAction, input(first.pm.id))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(supervisor);
    expect(await callForResult(assignSupervisorAction, input(first.pm.id))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await countsFor(first.pm.id)).toEqual({ supervisions: 0, audit: 0 });

    signInAs(await coordinatorUser());
    expect(await callForResult(assignSupervisorAction, input(first.pm.id))).toMatchObject({ ok: true, data: { plannedMeetings: 5 } });
    const second = await projectIn(workshop.id);
    signInAs(await createUser(db, { roles: ["ADMIN"] }));
    expect(await callForResult(assignSupervisorAction, input(second.pm.id))).toMatchObject({ ok: true });
  });

  it("refuses a supervisor at their limit with a translated message naming the limit; finished supervisions do not count", async () => {
    const workshop = await workshopWith();
    const coordinator = await coordinatorUser();
    const supervisor = await supervisorUser({ supervisionLimit: 2, name: "Hedda Handledare" });
    const running = await projectIn(workshop.id);
    await createSupervision(db, { pmId: running.pm.id, supervisorId: supervisor.id, assignedById: coordinator.id });
    const finished = await projectIn(workshop.id);
    const done = await createSupervision(db, { pmId: finished.pm.id, supervisorId: supervisor.id, assignedById: coordinator.id });
    await db.supervision.update({ where: { id: done.id }, data: { status: "COMPLETED" } });

    signInAs(coordinator);
    const second = await projectIn(workshop.id);
    expect(await callForResult(assignSupervisorAction, { pmId: second.pm.id, supervisorId: supervisor.id, startsOn: "2031-01-16", plannedMeetings: 5 })).toMatchObject({ ok: true });

    const third = await projectIn(workshop.id);
    const refused = await callForResult(assignSupervisorAction, { pmId: third.pm.id, supervisorId: supervisor.id, startsOn: "2031-01-16", plannedMeetings: 5 });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.fieldErrors?.supervisorId).toEqual([
      "Hedda Handledare handleder redan 2 projekt, som är det högsta antalet. Välj en annan handledare eller avsluta en pågående handledning först.",
    ]);
    expect(await countsFor(third.pm.id)).toEqual({ supervisions: 0, audit: 0 });
    expect(await db.outboxMessage.count({ where: { toEmail: third.participant.email } })).toBe(0);
  });

  it("uses the default limit of 8 for a supervisor without one of their own", async () => {
    const workshop = await workshopWith();
    const coordinator = await coordinatorUser();
    const supervisor = await supervisorUser({ locale: "en" });
    for (let i = 0; i < 8; i++) {
      const { pm } = await projectIn(workshop.id);
      await createSupervision(db, { pmId: pm.id, supervisorId: supervisor.id, assignedById: coordinator.id });
    }
    const ninth = await projectIn(workshop.id);
    const error = await assignSupervisor(asRoles(coordinator, ["COORDINATOR"]), { pmId: ninth.pm.id, supervisorId: supervisor.id, startsOn: "2031-01-16", plannedMeetings: 5 }, now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { supervisorId: [{ key: "supervisorAtLimit", params: { limit: 8 } }] } });
  });

  it("refuses someone without the supervisor role", async () => {
    const workshop = await workshopWith();
    const { pm } = await projectIn(workshop.id);
    const coordinator = await coordinatorUser();
    const notSupervisor = await createUser(db, { roles: ["PARTICIPANT", "COORDINATOR"] });
    signInAs(coordinator);
    const result = await callForResult(assignSupervisorAction, { pmId: pm.id, supervisorId: notSupervisor.id, startsOn: "2031-01-16", plannedMeetings: 5 });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { supervisorId: ["Välj en handledare i listan. Personen måste ha rollen handledare."] } });
    expect(await countsFor(pm.id)).toEqual({ supervisions: 0, audit: 0 });
  });

  it.each<PmStatus>(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "DECLINED", "WITHDRAWN"])("refuses a PM that is %s, writing nothing", async (status) => {
    const workshop = await workshopWith();
    const { pm } = await projectIn(workshop.id, { status });
    const supervisor = await supervisorUser();
    const coordinator = await coordinatorUser();
    const error = await assignSupervisor(asRoles(coordinator, ["COORDINATOR"]), { pmId: pm.id, supervisorId: supervisor.id, startsOn: "2031-01-16", plannedMeetings: 5 }, now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(await countsFor(pm.id)).toEqual({ supervisions: 0, audit: 0 });
  });

  it("refuses a PM that does not exist (NOT_FOUND) and a second assignment of the same PM (CONFLICT)", async () => {
    const workshop = await workshopWith();
    const { pm } = await projectIn(workshop.id);
    const coordinator = asRoles(await coordinatorUser(), ["COORDINATOR"]);
    const [a, b] = [await supervisorUser(), await supervisorUser()];
    const missing = await assignSupervisor(coordinator, { pmId: "c".repeat(25), supervisorId: a.id, startsOn: "2031-01-16", plannedMeetings: 5 }, now).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    await assignSupervisor(coordinator, { pmId: pm.id, supervisorId: a.id, startsOn: "2031-01-16", plannedMeetings: 5 }, now);
    const again = await assignSupervisor(coordinator, { pmId: pm.id, supervisorId: b.id, startsOn: "2031-01-16", plannedMeetings: 5 }, now).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "CONFLICT" });
    expect(await db.supervision.findUniqueOrThrow({ where: { pmId: pm.id } })).toMatchObject({ supervisorId: a.id });
  });

  it("two coordinators assigning the same project at once: one supervision, one audit event, one pair of e-mails", async () => {
    const workshop = await workshopWith();
    const { pm, participant } = await projectIn(workshop.id);
    const [a, b] = [await supervisorUser(), await supervisorUser()];
    const [c1, c2] = [asRoles(await coordinatorUser(), ["COORDINATOR"]), asRoles(await coordinatorUser(), ["COORDINATOR"])];
    const outcomes = await Promise.allSettled([
      assignSupervisor(c1, { pmId: pm.id, supervisorId: a.id, startsOn: "2031-01-16", plannedMeetings: 5 }, now),
      assignSupervisor(c2, { pmId: pm.id, supervisorId: b.id, startsOn: "2031-01-20", plannedMeetings: 4 }, now),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await countsFor(pm.id)).toEqual({ supervisions: 1, audit: 1 });
    expect(await db.outboxMessage.count({ where: { toEmail: participant.email, template: "supervisor-assigned" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { toEmail: { in: [a.email, b.email] }, template: "supervisor-assigned" } })).toBe(1);
  });

  it("projects given at once to a supervisor with one place left: only one gets them", async () => {
    const workshop = await workshopWith();
    const supervisor = await supervisorUser({ supervisionLimit: 1 });
    const projects = await Promise.all(Array.from({ length: 6 }, () => projectIn(workshop.id)));
    const coordinators = await Promise.all(projects.map(async () => asRoles(await coordinatorUser(), ["COORDINATOR"])));
    const outcomes = await Promise.allSettled(
      projects.map((p, i) => assignSupervisor(coordinators[i]!, { pmId: p.pm.id, supervisorId: supervisor.id, startsOn: "2031-01-16", plannedMeetings: 5 }, now)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.supervision.count({ where: { supervisorId: supervisor.id, status: "ACTIVE" } })).toBe(1);
  });
});

describe("logging a meeting", () => {
  it("the assigned supervisor logs a meeting: stored, counted, audited without the note", async () => {
    const { supervision, supervisor } = await runningSupervision();
    const result = await logMeeting(supervisor, { supervisionId: supervision.id, heldOn: "2031-02-18", form: "IN_PERSON", note: "Gick igenom mätplanen." }, now);
    expect(result.meetingsHeld).toBe(1);
    const meeting = await db.supervisionMeeting.findUniqueOrThrow({ where: { id: result.meetingId } });
    expect(meeting).toMatchObject({ supervisionId: supervision.id, form: "IN_PERSON", note: "Gick igenom mätplanen.", loggedById: supervisor.id });
    expect(meeting.heldOn.toISOString().slice(0, 10)).toBe("2031-02-18");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: meeting.id, action: "supervision.meeting_logged" } });
    expect(audit).toMatchObject({ actorId: supervisor.id, after: { supervisionId: supervision.id, heldOn: "2031-02-18", meetingsHeld: 1 } });
    expect(JSON.stringify(audit.after)).not.toContain("mätplanen");
  });

  it("someone else's supervision is NOT_FOUND, for another supervisor and a coordinator alike; nothing is written", async () => {
    const { supervision, coordinator } = await runningSupervision();
    const other = await supervisorUser();
    const input = { supervisionId: supervision.id, heldOn: "2031-02-18", form: "VIDEO" as const, note: "Försök." };
    await expect(logMeeting(other, input, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(logMeeting(coordinator, input, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(logMeeting(other, { ...input, supervisionId: "c".repeat(25) }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });

    signInAs(other);
    expect(await callForResult(logMeetingAction, input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A coordinator without the supervisor role cannot use the action at all.
    signInAs(coordinator);
    expect(await callForResult(logMeetingAction, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.supervisionMeeting.count({ where: { supervisionId: supervision.id } })).toBe(0);
  });

  it("through the action, on today's date (the action uses the real clock)", async () => {
    const today = toStockholmDate(new Date());
    const { supervision, supervisor } = await runningSupervision({ startsOn: addDays(today, -30), endsOn: addDays(today, 120) });
    signInAs(supervisor);
    expect(await callForResult(logMeetingAction, { supervisionId: supervision.id, heldOn: today, form: "PHONE", note: "Kort avstämning." })).toMatchObject({
      ok: true,
      data: { meetingsHeld: 1 },
    });
    const tooLong = await callForResult(logMeetingAction, { supervisionId: supervision.id, heldOn: today, form: "PHONE", note: "x".repeat(1001) });
    expect(tooLong).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { note: ["Skriv högst 1000 tecken."] } });
    const future = await callForResult(logMeetingAction, { supervisionId: supervision.id, heldOn: addDays(today, 1), form: "PHONE", note: "Snart." });
    expect(future).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (future.ok) throw new Error("unreachable");
    expect(future.fieldErrors?.heldOn?.[0]).toContain(today);
    expect(await db.supervisionMeeting.count({ where: { supervisionId: supervision.id } })).toBe(1);
  });

  it("refuses a day after today or more than a week before the start; takes a week before and after the end", async () => {
    const { supervision, supervisor } = await runningSupervision({ startsOn: "2031-01-16", endsOn: "2031-02-16" });
    const log = (heldOn: string) => logMeeting(supervisor, { supervisionId: supervision.id, heldOn, form: "VIDEO", note: "Träff." }, now);
    await expect(log("2031-02-20")).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { heldOn: [{ key: "meetingInFuture", params: { date: "2031-02-19" } }] } });
    await expect(log("2031-01-08")).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { heldOn: [{ key: "meetingBeforeStart", params: { date: "2031-01-09" } }] } });
    await expect(log("2031-01-09")).resolves.toMatchObject({ meetingsHeld: 1 });
    await expect(log("2031-02-19")).resolves.toMatchObject({ meetingsHeld: 2 }); // after the end, today
  });

  it("refuses a closed supervision; completing is the supervisor's own or a coordinator's", async () => {
    const { supervision, supervisor } = await runningSupervision();
    const other = await supervisorUser();
    await expect(completeSupervision(asRoles(other, ["SUPERVISOR"]), { supervisionId: supervision.id }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    signInAs(supervisor);
    expect(await callForResult(completeSupervisionAction, { supervisionId: supervision.id })).toMatchObject({ ok: true, data: { status: "COMPLETED" } });
    expect(await callForResult(completeSupervisionAction, { supervisionId: supervision.id })).toMatchObject({ ok: false, code: "CONFLICT" });
    await expect(logMeeting(supervisor, { supervisionId: supervision.id, heldOn: "2031-02-18", form: "VIDEO", note: "Sen." }, now)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count({ where: { entityId: supervision.id, action: "supervision.completed" } })).toBe(1);

    const second = await runningSupervision();
    await expect(completeSupervision(asRoles(second.coordinator, ["COORDINATOR"]), { supervisionId: second.supervision.id }, now)).resolves.toEqual({ status: "COMPLETED" });
  });
});

describe("what each person sees", () => {
  it("the coordinators' overview: every accepted project, held vs planned, filters by supervisor, workshop and unassigned", async () => {
    const workshop = await workshopWith();
    const otherWorkshop = await workshopWith();
    const coordinator = await coordinatorUser();
    const [hedda, olle] = [await supervisorUser({ name: "Hedda", supervisionLimit: 3 }), await supervisorUser({ name: "Olle" })];

    // Planned 5 over 16 Jan–16 Jun; on 19 Feb (35 of 152 days) a steady pace has held 1.
    const onTrack = await projectIn(workshop.id, { name: "Ida På Spår" });
    const s1 = await createSupervision(db, { pmId: onTrack.pm.id, supervisorId: hedda.id, assignedById: coordinator.id, startsOn: "2031-01-16", endsOn: "2031-06-16", plannedMeetings: 5 });
    await createSupervisionMeeting(db, { supervisionId: s1.id, loggedById: hedda.id, heldOn: "2031-01-30" });
    await createSupervisionMeeting(db, { supervisionId: s1.id, loggedById: hedda.id, heldOn: "2031-02-13" });
    const behind = await projectIn(workshop.id, { name: "Bo Efter" });
    await createSupervision(db, { pmId: behind.pm.id, supervisorId: olle.id, assignedById: coordinator.id, startsOn: "2031-01-16", endsOn: "2031-06-16", plannedMeetings: 5 });
    const unassigned = await projectIn(workshop.id, { name: "Una Utan" });
    const elsewhere = await projectIn(otherWorkshop.id, { name: "Elsa Annanstans" });
    const s4 = await createSupervision(db, { pmId: elsewhere.pm.id, supervisorId: hedda.id, assignedById: coordinator.id, plannedMeetings: 3 });
    await createSupervisionMeeting(db, { supervisionId: s4.id, loggedById: hedda.id, heldOn: "2031-02-01" });
    const notAccepted = await projectIn(workshop.id, { status: "SUBMITTED", name: "Sven Skickat" });

    const viewer = asRoles(coordinator, ["COORDINATOR"]);
    const all = await listSupervisionOverview(viewer, { workshop: workshop.id }, now);
    expect(all.rows.map((r) => r.participantName)).toEqual(["Una Utan", expect.any(String), expect.any(String)]);
    expect(all.rows.map((r) => r.pmId)).not.toContain(notAccepted.pm.id);
    const byPm = new Map(all.rows.map((r) => [r.pmId, r]));
    expect(byPm.get(onTrack.pm.id)?.supervision).toMatchObject({
      supervisorName: "Hedda",
      startsOn: "2031-01-16",
      endsOn: "2031-06-16",
      status: "ACTIVE",
      lastMeetingOn: "2031-02-13",
      progress: { held: 2, planned: 5, expectedByNow: 1, pace: "ON_TRACK" },
    });
    expect(byPm.get(behind.pm.id)?.supervision?.progress).toEqual({ held: 0, planned: 5, expectedByNow: 1, pace: "BEHIND" });
    expect(byPm.get(unassigned.pm.id)).toMatchObject({ supervision: null, suggestedStart: "2031-02-19" });
    expect(all.totals).toEqual({ projects: 3, unassigned: 1, behind: 1, meetingsHeld: 2, meetingsPlanned: 10 });
    expect(all.supervisors.find((s) => s.id === hedda.id)).toMatchObject({ active: 2, limit: 3, full: false });
    expect(all.supervisors.find((s) => s.id === olle.id)).toMatchObject({ active: 1, limit: 8 });
    expect(all.workshops.map((w) => w.id)).toEqual(expect.arrayContaining([workshop.id, otherWorkshop.id]));

    const heddas = await listSupervisionOverview(viewer, { supervisor: hedda.id }, now);
    expect(heddas.rows.map((r) => r.pmId).sort()).toEqual([onTrack.pm.id, elsewhere.pm.id].sort());
    expect(heddas.totals).toMatchObject({ meetingsHeld: 3, meetingsPlanned: 8 });
    const waiting = await listSupervisionOverview(viewer, { show: "unassigned", workshop: workshop.id }, now);
    expect(waiting.rows.map((r) => r.pmId)).toEqual([unassigned.pm.id]);

    await expect(listSupervisionOverview(asRoles(hedda, ["SUPERVISOR"]), {}, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSupervisionOverview(asRoles(onTrack.participant, ["PARTICIPANT"]), {}, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a supervisor sees only their own projects, in the list and by id", async () => {
    const mine = await runningSupervision();
    const theirs = await runningSupervision();
    const me = asRoles(mine.supervisor, ["SUPERVISOR"]);

    const list = await listMySupervisions(me, now);
    expect(list.supervisions.map((s) => s.id)).toEqual([mine.supervision.id]);

    const detail = await getSupervision(me, mine.supervision.id, now);
    expect(detail).toMatchObject({ id: mine.supervision.id, canLog: true, meetingDays: { earliest: "2031-01-09", latest: "2031-02-19" } });
    expect(detail.pm).toMatchObject({ number: 1, title: mine.pm.title, workplace: "Hemtjänsten" });
    await expect(getSupervision(me, theirs.supervision.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSupervision(me, "c".repeat(25), now)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A coordinator reads any project, without the log form.
    await expect(getSupervision(asRoles(mine.coordinator, ["COORDINATOR"]), theirs.supervision.id, now)).resolves.toMatchObject({ canLog: false });
    // A participant never does, not even their own project's supervision page.
    await expect(getSupervision(asRoles(mine.participant, ["PARTICIPANT"]), mine.supervision.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the supervisor reads the revision the coordinator accepted, not a later one", async () => {
    const { pm, supervisor, supervision } = await runningSupervision();
    const accepted = await db.projectPmRevision.findFirstOrThrow({ where: { pmId: pm.id } });
    await db.projectPmRevision.create({
      data: { pmId: pm.id, number: 2, title: "En senare version", need: "", backgroundPurpose: "", workplace: "", unit: "", submittedAt: now },
    });
    expect(await db.pmReview.count({ where: { pmId: pm.id, decision: "ACCEPT", revisionId: accepted.id } })).toBe(1);
    const detail = await getSupervision(asRoles(supervisor, ["SUPERVISOR"]), supervision.id, now);
    expect(detail.pm).toMatchObject({ number: 1, title: pm.title });
  });

  it("the participant sees their supervisor, period and meetings; nobody else's; a PM not accepted is explained", async () => {
    const { participant, supervisor, supervision, pm } = await runningSupervision();
    await createSupervisionMeeting(db, { supervisionId: supervision.id, loggedById: supervisor.id, heldOn: "2031-02-10", form: "VIDEO", note: "Mätplanen klar." });
    const view = await getMyProject(participant, now);
    expect(view.otherPms).toEqual([]);
    expect(view.projects).toHaveLength(1);
    expect(view.projects[0]).toMatchObject({
      pmId: pm.id,
      title: pm.title,
      supervision: {
        supervisorName: supervisor.name,
        supervisorEmail: supervisor.email,
        startsOn: "2031-01-16",
        endsOn: "2031-06-16",
        progress: { held: 1, planned: 5 },
        meetings: [{ heldOn: "2031-02-10", form: "VIDEO", note: "Mätplanen klar." }],
      },
    });

    const workshop = await workshopWith();
    const waiting = await projectIn(workshop.id, { status: "SUBMITTED" });
    const theirs = await getMyProject(waiting.participant, now);
    expect(theirs.projects).toEqual([]);
    expect(theirs.otherPms).toEqual([{ bookingId: waiting.booking.id, status: "SUBMITTED", workshopTitle: workshop.title }]);

    const acceptedNoSupervisor = await projectIn(workshop.id);
    expect((await getMyProject(acceptedNoSupervisor.participant, now)).projects).toMatchObject([{ pmId: acceptedNoSupervisor.pm.id, supervision: null }]);

    const stranger = await createUser(db);
    expect(await getMyProject(stranger, now)).toEqual({ projects: [], otherPms: [] });
  });
});
