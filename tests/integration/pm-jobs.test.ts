/**
 * The PM jobs against the database: reminders 7 and 1 days before the person's deadline (a job
 * that runs twice sends once), and the no-PM rule at the deadline both ways (keep as package;
 * release the seat after notice), each idempotent.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { localDateToDateColumn } from "@/lib/domain/time";
import { scheduledJobs } from "@/lib/jobs/schedules";
import { renderEmail } from "@/lib/mail/render";
import { applyNoPmPolicy } from "@/lib/server/pm/apply-no-pm-policy";
import { sendPmReminders } from "@/lib/server/pm/send-pm-reminders";
import { createBooking, createOrganiser, createProjectPm, createUser, createWorkshop } from "@/tests/factories";

const DEADLINE = "2031-01-09"; // Thursday, winter time: the day ends at 22:59:59 UTC

async function workshopWith(policy: "KEEP_AS_PACKAGE" | "RELEASE_SEAT") {
  const organiser = await createOrganiser(db);
  return createWorkshop(db, {
    organiserId: organiser.id,
    startsOn: "2031-01-16",
    endsOn: "2031-06-12",
    pmDeadline: DEADLINE,
    cancellationDeadline: "2031-01-02",
    followUpOn: "2031-12-11",
    noPmPolicy: policy,
  });
}

async function person(workshopId: string, options: { ownProject?: boolean; pm?: "DRAFT" | "SUBMITTED" | null } = {}) {
  const participant = await createUser(db);
  const booking = await createBooking(db, { kind: "PACKAGE", workshopId, participantId: participant.id, ownProject: options.ownProject ?? true });
  if (options.pm) await createProjectPm(db, { bookingId: booking.id, workshopId, participantId: participant.id, status: options.pm });
  return { participant, booking };
}

const mails = (to: string, template?: string) => db.outboxMessage.findMany({ where: { toEmail: to, ...(template && { template }) }, orderBy: { createdAt: "asc" } });

describe("the schedule", () => {
  it("both jobs run daily in Stockholm time", () => {
    expect(scheduledJobs.find((j) => j.name === "send-pm-reminders")?.cron).toBe("0 7 * * *");
    expect(scheduledJobs.find((j) => j.name === "apply-no-pm-policy")?.cron).toBe("0 6 * * *");
  });
});

describe("reminders", () => {
  it("7 days and 1 day before, to those with no submitted PM; running twice sends one e-mail per person", async () => {
    const workshop = await workshopWith("KEEP_AS_PACKAGE");
    const noRow = await person(workshop.id);
    const draft = await person(workshop.id, { pm: "DRAFT" });
    const submitted = await person(workshop.id, { pm: "SUBMITTED" });
    const withoutProject = await person(workshop.id, { ownProject: false });
    const extended = await person(workshop.id);
    const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
    await db.deadlineExtension.create({
      data: { workshopId: workshop.id, participantId: extended.participant.id, newDeadline: localDateToDateColumn("2031-01-20"), reason: "Sjukdom", grantedById: coordinator.id },
    });

    // The evening before the 7-day mark (Wednesday 1 January, 23:59:59 Stockholm): nothing yet.
    await sendPmReminders(db, new Date("2031-01-01T22:59:59Z"));
    expect(await mails(noRow.participant.email, "pm-reminder")).toHaveLength(0);

    const sevenDays = new Date("2031-01-02T06:00:00Z");
    const first = await sendPmReminders(db, sevenDays);
    const second = await sendPmReminders(db, sevenDays);
    expect(first.remindersQueued).toBeGreaterThanOrEqual(2);
    expect(second.remindersQueued).toBe(0);
    for (const p of [noRow, draft]) {
      const sent = await mails(p.participant.email, "pm-reminder");
      expect(sent).toHaveLength(1);
      expect(sent[0]?.payload).toMatchObject({ days: 7, deadline: DEADLINE, bookingId: p.booking.id });
    }
    for (const p of [submitted, withoutProject, extended]) expect(await mails(p.participant.email, "pm-reminder")).toHaveLength(0);

    const oneDay = new Date("2031-01-08T06:00:00Z");
    await Promise.all([sendPmReminders(db, oneDay), sendPmReminders(db, oneDay)]);
    const both = await mails(noRow.participant.email, "pm-reminder");
    expect(both.map((m) => (m.payload as { days: number }).days)).toEqual([7, 1]);
    const rendered = renderEmail(both[1]!.template, both[1]!.payload, both[1]!.locale, getEnv().APP_URL);
    expect(rendered.text).toContain("9 januari 2031 kl. 23.59");
    expect(rendered.text).toContain(`/projekt-pm/${noRow.booking.id}`);
    // The extension's 7-day reminder comes from 13 January.
    expect(await mails(extended.participant.email, "pm-reminder")).toHaveLength(0);
    await sendPmReminders(db, new Date("2031-01-13T06:00:00Z"));
    expect((await mails(extended.participant.email, "pm-reminder")).map((m) => m.payload)).toMatchObject([{ days: 7, deadline: "2031-01-20" }]);

    // After the deadline: no more reminders.
    const after = await sendPmReminders(db, new Date("2031-01-09T23:00:00Z"));
    expect(await mails(noRow.participant.email, "pm-reminder")).toHaveLength(2);
    expect(after.remindersQueued).toBe(0);
  });
});

describe("no PM at the deadline: keep as package", () => {
  it("drops the own project, withdraws the draft and tells the person, once; a submitted PM is untouched", async () => {
    const workshop = await workshopWith("KEEP_AS_PACKAGE");
    const noRow = await person(workshop.id);
    const draft = await person(workshop.id, { pm: "DRAFT" });
    const submitted = await person(workshop.id, { pm: "SUBMITTED" });

    // (One database per file: people of other tests' workshops may be handled too; counts are checked per booking.)
    await applyNoPmPolicy(db, new Date("2031-01-09T22:59:59Z"));
    expect(await db.booking.findUniqueOrThrow({ where: { id: draft.booking.id } })).toMatchObject({ ownProject: true });
    const at = new Date("2031-01-10T05:00:00Z");
    expect((await applyNoPmPolicy(db, at)).kept).toBeGreaterThanOrEqual(2);
    expect(await applyNoPmPolicy(db, at)).toEqual({ kept: 0, noticed: 0, released: 0 });

    for (const p of [noRow, draft]) {
      expect(await db.booking.findUniqueOrThrow({ where: { id: p.booking.id } })).toMatchObject({ ownProject: false, status: "CONFIRMED" });
      expect(await mails(p.participant.email, "pm-kept-without-project")).toHaveLength(1);
    }
    expect(await db.projectPm.findUniqueOrThrow({ where: { bookingId: draft.booking.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await db.projectPm.findUnique({ where: { bookingId: noRow.booking.id } })).toBeNull();
    expect(await db.booking.findUniqueOrThrow({ where: { id: submitted.booking.id } })).toMatchObject({ ownProject: true });
    expect(await db.projectPm.findUniqueOrThrow({ where: { bookingId: submitted.booking.id } })).toMatchObject({ status: "SUBMITTED" });
    expect(await mails(submitted.participant.email)).toHaveLength(0);
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(3);
  });
});

describe("no PM at the deadline: release the seat after notice", () => {
  it("notice first; the seat is released 7 days later, once; the e-mails are sent once", async () => {
    const workshop = await workshopWith("RELEASE_SEAT");
    const late = await person(workshop.id, { pm: "DRAFT" });
    const onTime = await person(workshop.id, { pm: "SUBMITTED" });
    const dayAfter = new Date("2031-01-10T05:00:00Z");

    expect((await applyNoPmPolicy(db, dayAfter)).noticed).toBe(1);
    expect(await applyNoPmPolicy(db, dayAfter)).toEqual({ kept: 0, noticed: 0, released: 0 });
    const notice = await mails(late.participant.email, "pm-seat-release-notice");
    expect(notice).toHaveLength(1);
    expect(notice[0]?.payload).toMatchObject({ releaseOn: "2031-01-17", deadline: DEADLINE });
    expect(renderEmail(notice[0]!.template, notice[0]!.payload, "sv", getEnv().APP_URL).subject).toContain("17 januari 2031");
    expect(await db.booking.findUniqueOrThrow({ where: { id: late.booking.id } })).toMatchObject({ status: "CONFIRMED", ownProject: true });

    // Thursday 16 January 23:59:59 Stockholm: still in the notice period.
    await applyNoPmPolicy(db, new Date("2031-01-16T22:59:59Z"));
    expect(await db.booking.findUniqueOrThrow({ where: { id: late.booking.id } })).toMatchObject({ status: "CONFIRMED" });
    const releaseDay = new Date("2031-01-16T23:00:00Z");
    const [a, b] = await Promise.all([applyNoPmPolicy(db, releaseDay), applyNoPmPolicy(db, releaseDay)]);
    expect(a.released + b.released).toBe(1);
    expect((await applyNoPmPolicy(db, new Date("2031-01-18T05:00:00Z"))).released).toBe(0);

    const booking = await db.booking.findUniqueOrThrow({ where: { id: late.booking.id } });
    expect(booking).toMatchObject({ status: "CANCELLED", activeSessionKey: null, cancelledById: null });
    expect(booking.cancelledAt?.toISOString()).toBe(releaseDay.toISOString());
    expect(await db.projectPm.findUniqueOrThrow({ where: { bookingId: late.booking.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect((await db.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).packageSeatsTaken).toBe(1);
    expect(await mails(late.participant.email, "pm-seat-released")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: late.booking.id, action: "booking.cancelled" } })).toBe(1);
    expect(await db.booking.findUniqueOrThrow({ where: { id: onTime.booking.id } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("an extension granted in the notice period stops the release; its own deadline needs a new notice", async () => {
    const workshop = await workshopWith("RELEASE_SEAT");
    const late = await person(workshop.id);
    await applyNoPmPolicy(db, new Date("2031-01-10T05:00:00Z"));
    const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
    await db.deadlineExtension.create({
      data: { workshopId: workshop.id, participantId: late.participant.id, newDeadline: localDateToDateColumn("2031-01-20"), reason: "Sjukdom", grantedById: coordinator.id },
    });
    expect((await applyNoPmPolicy(db, new Date("2031-01-17T05:00:00Z"))).released).toBe(0);
    expect(await db.booking.findUniqueOrThrow({ where: { id: late.booking.id } })).toMatchObject({ status: "CONFIRMED" });
    // The extended deadline passes: a new notice, not an immediate release.
    expect(await applyNoPmPolicy(db, new Date("2031-01-21T05:00:00Z"))).toMatchObject({ noticed: 1, released: 0 });
    expect(await db.booking.findUniqueOrThrow({ where: { id: late.booking.id } })).toMatchObject({ status: "CONFIRMED" });
    expect(await mails(late.participant.email, "pm-seat-release-notice")).toHaveLength(2);
  });
});
