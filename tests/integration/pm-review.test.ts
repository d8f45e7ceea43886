/**
 * Reviewing project PMs against the database: the coordinators' queue (filters, order, counts),
 * assigning a reviewer, and decisions (request changes → the participant revises → accept; decline
 * with a reason), each with its review row, audit event and e-mail in one transaction. Illegal
 * moves, a second coordinator deciding at the same moment, and anyone who is not a coordinator
 * are refused without writing anything; submitted versions are never changed.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { assignReviewerAction, decidePmAction } from "@/app/_actions/pm-review";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PmStatus, Role } from "@/lib/generated/prisma/enums";
import { paths } from "@/lib/i18n/paths";
import { renderEmail } from "@/lib/mail/render";
import { assignReviewer, assignReviewerInput } from "@/lib/server/pm/assign-reviewer";
import { decidePm, decidePmInput, type DecidePmInput } from "@/lib/server/pm/decide-pm";
import { getPmForReview } from "@/lib/server/pm/get-pm-for-review";
import { listReviewQueue, reviewQueueInput } from "@/lib/server/pm/list-review-queue";
import en from "@/messages/en.json";
import sv from "@/messages/sv.json";
import { createBooking, createOrganisation, createOrganiser, createUser, createWorkshop } from "@/tests/factories";
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

const now = new Date("2031-09-10T10:00:00Z");

beforeEach(() => signInAs(null));

async function person(roles: Role[], data: { name?: string; organisationId?: string; locale?: "sv" | "en" } = {}): Promise<SessionUser> {
  const row = await createUser(db, { roles, ...data });
  const user = await loadSessionUser(row.id);
  if (!user) throw new Error("no user");
  return user;
}

type Texts = { title: string; need: string; backgroundPurpose: string; method: string | null; workplace: string; unit: string };
const texts: Texts = {
  title: "Minskad väntetid till hemtjänst",
  need: "Nya brukare väntar i snitt tre veckor på första besöket.",
  backgroundPurpose: "Syftet är att korta väntetiden.",
  method: null,
  workplace: "Hemtjänsten",
  unit: "Område norr",
};

async function workshopWithOrganiser() {
  const organiser = await createOrganiser(db);
  return createWorkshop(db, { organiserId: organiser.id, startsOn: "2031-09-18", endsOn: "2032-03-10", pmDeadline: "2031-09-11", cancellationDeadline: "2031-09-01", followUpOn: "2032-09-01" });
}

/**
 * A package booking with an own project and its PM in `status`: a PM that was ever submitted has
 * revision 1 (submitted at `submittedAt`), as the participant's submit leaves it.
 */
async function pmOf(
  workshopId: string,
  options: { status?: PmStatus; submittedAt?: string; organisationId?: string; reviewerId?: string; locale?: "sv" | "en"; participant?: SessionUser } = {},
) {
  const status = options.status ?? "SUBMITTED";
  const participant = options.participant ?? (await person(["PARTICIPANT"], { organisationId: options.organisationId, locale: options.locale, name: "Anna Berg" }));
  const booking = await createBooking(db, { kind: "PACKAGE", workshopId, participantId: participant.id, ownProject: true });
  const submittedAt = new Date(options.submittedAt ?? "2031-09-05T08:00:00Z");
  const submitted = status !== "DRAFT";
  const pm = await db.projectPm.create({
    data: {
      bookingId: booking.id,
      workshopId,
      participantId: participant.id,
      status,
      ...texts,
      reviewerId: options.reviewerId ?? null,
      submittedAt: submitted ? submittedAt : null,
    },
  });
  const revision = submitted ? await db.projectPmRevision.create({ data: { pmId: pm.id, number: 1, ...texts, submittedAt } }) : null;
  return { pm, revision, participant, booking };
}

/** What the participant's resubmission leaves: a new locked revision and the PM submitted again. */
async function resubmit(pmId: string, change: Partial<Texts>, at: string) {
  const last = await db.projectPmRevision.findFirstOrThrow({ where: { pmId }, orderBy: { number: "desc" } });
  const submittedAt = new Date(at);
  const revision = await db.projectPmRevision.create({ data: { pmId, number: last.number + 1, ...texts, ...change, submittedAt } });
  await db.projectPm.update({ where: { id: pmId }, data: { status: "SUBMITTED", submittedAt, ...texts, ...change } });
  return revision;
}

const decision = (pmId: string, revisionId: string, value: Partial<DecidePmInput> & Pick<DecidePmInput, "decision">): DecidePmInput =>
  decidePmInput.parse({ pmId, revisionId, comment: "", ...value });

/** Everything a decision writes, to show that a refused one wrote nothing. */
async function marks(pmId: string) {
  const [pm, reviews, outbox, audit, revisions] = await Promise.all([
    db.projectPm.findUniqueOrThrow({ where: { id: pmId }, select: { status: true, decidedAt: true, reviewerId: true, updatedAt: true } }),
    db.pmReview.count({ where: { pmId } }),
    db.outboxMessage.count(),
    db.auditEvent.count(),
    db.projectPmRevision.findMany({ where: { pmId }, orderBy: { number: "asc" } }),
  ]);
  return { pm, reviews, outbox, audit, revisions };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the review queue", () => {
  it("filters by status, organisation and reviewer, sorts by submission time and counts per status", async () => {
    const workshop = await workshopWithOrganiser();
    const [north, south] = [await createOrganisation(db), await createOrganisation(db)];
    const me = await person(["COORDINATOR"], { name: "Cecilia Samordnare" });
    const colleague = await person(["COORDINATOR"], { name: "Bo Samordnare" });
    const a = await pmOf(workshop.id, { organisationId: north.id, submittedAt: "2031-09-03T08:00:00Z" });
    const b = await pmOf(workshop.id, { organisationId: south.id, submittedAt: "2031-09-01T08:00:00Z", reviewerId: me.id });
    const c = await pmOf(workshop.id, { organisationId: north.id, submittedAt: "2031-09-02T08:00:00Z", reviewerId: colleague.id, status: "CHANGES_REQUESTED" });
    await pmOf(workshop.id, { organisationId: north.id, status: "DRAFT" });
    // Another workshop's PM never shows under this workshop's filter.
    const other = await workshopWithOrganiser();
    const elsewhere = await pmOf(other.id, { organisationId: north.id, submittedAt: "2031-08-01T08:00:00Z" });

    const queue = (query: Record<string, string>) => listReviewQueue(me, reviewQueueInput.parse({ workshop: workshop.id, ...query }));
    const ids = async (query: Record<string, string>) => (await queue(query)).rows.map((r) => r.pmId);

    // By default: what waits for a decision, the one submitted first at the top.
    const first = await queue({});
    expect(first.rows.map((r) => r.pmId)).toEqual([b.pm.id, a.pm.id]);
    expect(first.counts).toEqual({ SUBMITTED: 2, CHANGES_REQUESTED: 1, ACCEPTED: 0, DECLINED: 0, WITHDRAWN: 0 });
    expect(first.drafts).toBe(1);
    expect(first.rows[0]).toMatchObject({
      title: texts.title,
      participantName: "Anna Berg",
      organisationName: south.name,
      status: "SUBMITTED",
      revisionNumber: 1,
      reviewer: { id: me.id, name: "Cecilia Samordnare" },
    });
    expect(first.rows[1]?.reviewer).toBeNull();
    expect(first.reviewers.map((r) => r.id)).toEqual(expect.arrayContaining([me.id, colleague.id]));
    expect(first.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([north.id, south.id]));

    expect(await ids({ sort: "newest" })).toEqual([a.pm.id, b.pm.id]);
    expect(await ids({ status: "ALL" })).toEqual([b.pm.id, c.pm.id, a.pm.id]);
    expect(await ids({ status: "CHANGES_REQUESTED" })).toEqual([c.pm.id]);
    expect(await ids({ status: "ACCEPTED" })).toEqual([]);

    const northOnly = await queue({ status: "ALL", organisation: north.id });
    expect(northOnly.rows.map((r) => r.pmId)).toEqual([c.pm.id, a.pm.id]);
    expect(northOnly.counts).toMatchObject({ SUBMITTED: 1, CHANGES_REQUESTED: 1 });

    expect(await ids({ status: "ALL", reviewer: "mine" })).toEqual([b.pm.id]);
    expect(await ids({ status: "ALL", reviewer: "unassigned" })).toEqual([a.pm.id]);
    expect(await ids({ status: "ALL", reviewer: colleague.id })).toEqual([c.pm.id]);
    // "Mine" is the viewer's own: the colleague sees theirs.
    expect((await listReviewQueue(colleague, reviewQueueInput.parse({ workshop: workshop.id, status: "ALL", reviewer: "mine" }))).rows.map((r) => r.pmId)).toEqual([c.pm.id]);

    // Without the workshop filter, the other workshop's older PM comes first.
    const all = await listReviewQueue(me, reviewQueueInput.parse({}));
    expect(all.rows.map((r) => r.pmId).indexOf(elsewhere.pm.id)).toBeLessThan(all.rows.map((r) => r.pmId).indexOf(b.pm.id));
  });

  it("refuses bad filter values and anyone who is not a coordinator or admin", async () => {
    for (const bad of [{ status: "DRAFT" }, { status: "x" }, { reviewer: "someone" }, { sort: "random" }, { organisation: "1; drop" }]) {
      expect(reviewQueueInput.safeParse(bad).success).toBe(false);
    }
    expect(reviewQueueInput.parse({})).toEqual({ status: "SUBMITTED", sort: "oldest" });
    for (const roles of [["PARTICIPANT"], ["SUPERVISOR"], ["ORDERER"]] as Role[][]) {
      const user = await person(roles);
      expect((await refusal(listReviewQueue(user, reviewQueueInput.parse({})))).code).toBe("FORBIDDEN");
    }
    const admin = await person(["ADMIN"]);
    await expect(listReviewQueue(admin, reviewQueueInput.parse({}))).resolves.toBeDefined();
  });
});

describe("assigning a reviewer", () => {
  it("assigns any coordinator or admin, shows the assignee in the queue, and takes the assignment away", async () => {
    const workshop = await workshopWithOrganiser();
    const coordinator = await person(["COORDINATOR"]);
    const admin = await person(["ADMIN"], { name: "Adam Admin" });
    const { pm } = await pmOf(workshop.id);

    signInAs(coordinator);
    const result = await callForResult(assignReviewerAction, { pmId: pm.id, reviewerId: admin.id });
    expect(result).toEqual({ ok: true, data: { pmId: pm.id, reviewerId: admin.id, changed: true } });
    const queue = await listReviewQueue(coordinator, reviewQueueInput.parse({ workshop: workshop.id }));
    expect(queue.rows[0]?.reviewer).toEqual({ id: admin.id, name: "Adam Admin" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: pm.id, action: "pm.reviewer_assigned" } });
    expect(audit).toMatchObject({ actorId: coordinator.id, before: { reviewerId: null }, after: { reviewerId: admin.id } });

    // The same again changes nothing.
    const before = await db.auditEvent.count();
    expect(await assignReviewer(coordinator, assignReviewerInput.parse({ pmId: pm.id, reviewerId: admin.id }), now)).toMatchObject({ changed: false });
    expect(await db.auditEvent.count()).toBe(before);

    // The form's "nobody" is an empty value.
    expect(await callForResult(assignReviewerAction, { pmId: pm.id, reviewerId: "" })).toMatchObject({ ok: true, data: { reviewerId: null } });
    expect((await db.projectPm.findUniqueOrThrow({ where: { id: pm.id } })).reviewerId).toBeNull();
  });

  it("refuses a participant, supervisor or the PM's author as reviewer, and a final PM", async () => {
    const workshop = await workshopWithOrganiser();
    const coordinator = await person(["COORDINATOR"]);
    const supervisor = await person(["SUPERVISOR"]);
    // A coordinator who also has a PM of their own.
    const coordinatorAuthor = await person(["COORDINATOR", "PARTICIPANT"]);
    const { pm, participant } = await pmOf(workshop.id);
    const own = await pmOf(workshop.id, { participant: coordinatorAuthor });

    signInAs(coordinator);
    for (const reviewerId of [participant.id, supervisor.id]) {
      const result = await callForResult(assignReviewerAction, { pmId: pm.id, reviewerId });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { reviewerId: [sv.errors.fields.reviewerNotCoordinator] } });
    }
    const author = await callForResult(assignReviewerAction, { pmId: own.pm.id, reviewerId: coordinatorAuthor.id });
    expect(author).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { reviewerId: [sv.errors.fields.reviewerIsAuthor] } });

    const accepted = await pmOf(workshop.id, { status: "ACCEPTED" });
    const closed = await callForResult(assignReviewerAction, { pmId: accepted.pm.id, reviewerId: coordinator.id });
    expect(closed).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { _form: [sv.errors.fields.pmClosed] } });

    // A participant cannot assign at all: not through the action, not through the use case.
    signInAs(participant);
    expect(await callForResult(assignReviewerAction, { pmId: pm.id, reviewerId: coordinator.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await refusal(assignReviewer(participant, assignReviewerInput.parse({ pmId: pm.id, reviewerId: coordinator.id }), now))).code).toBe("FORBIDDEN");
    expect((await db.projectPm.findUniqueOrThrow({ where: { id: pm.id } })).reviewerId).toBeNull();
  });
});

describe("deciding", () => {
  it("request changes → the participant revises → accept: reviews on each version, e-mails, versions intact", async () => {
    const workshop = await workshopWithOrganiser();
    const coordinator = await person(["COORDINATOR"], { name: "Cecilia Samordnare" });
    const { pm, revision, participant, booking } = await pmOf(workshop.id, { locale: "en" });
    const firstVersion = await db.projectPmRevision.findUniqueOrThrow({ where: { id: revision!.id } });

    signInAs(coordinator);
    const comment = "Beskriv hur ni ska mäta väntetiden.\nVem gör mätningen?";
    const asked = await callForResult(decidePmAction, { pmId: pm.id, revisionId: revision!.id, decision: "REQUEST_CHANGES", comment: comment.replace("\n", "\r\n") });
    expect(asked).toMatchObject({ ok: true, data: { pmId: pm.id, status: "CHANGES_REQUESTED" } });

    const afterAsk = await db.projectPm.findUniqueOrThrow({ where: { id: pm.id }, include: { reviews: true } });
    expect(afterAsk.status).toBe("CHANGES_REQUESTED");
    // The one who decided becomes the reviewer when nobody was assigned.
    expect(afterAsk.reviewerId).toBe(coordinator.id);
    expect(afterAsk.reviews).toHaveLength(1);
    expect(afterAsk.reviews[0]).toMatchObject({ revisionId: revision!.id, reviewerId: coordinator.id, decision: "REQUEST_CHANGES", comment });

    const askMail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: participant.email, template: "pm-decision" } });
    expect(askMail.locale).toBe("en");
    expect(askMail.payload).toMatchObject({ decision: "REQUEST_CHANGES", comment, project: texts.title, workshop: workshop.title });
    const askRendered = renderEmail(askMail.template, askMail.payload, askMail.locale, getEnv().APP_URL);
    const link = new URL(paths.projectPm("en", booking.id), getEnv().APP_URL).toString();
    expect(askRendered.subject).toBe("Your project PM needs changes");
    expect(askRendered.text).toContain(comment);
    expect(askRendered.text).toContain(link);
    expect(askRendered.html).toContain("Vem gör mätningen?");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: pm.id, action: "pm.decided" } });
    expect(audit).toMatchObject({
      actorId: coordinator.id,
      entityType: "ProjectPm",
      before: { status: "SUBMITTED" },
      after: { status: "CHANGES_REQUESTED", decision: "REQUEST_CHANGES", revision: 1, withComment: true },
    });
    expect(JSON.stringify(audit.after)).not.toContain("mäta");

    // Deciding again before a new version is refused.
    const again = await refusal(decidePm(coordinator, decision(pm.id, revision!.id, { decision: "ACCEPT" }), now));
    expect(again).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["pmAlreadyDecided"] } });

    // The participant revises and submits version 2; the page compares it with version 1.
    const second = await resubmit(pm.id, { need: "Nya brukare väntar i snitt fyra veckor på första besöket.", method: "Mätning varje vecka." }, "2031-09-12T07:00:00Z");
    const view = await getPmForReview(coordinator, pm.id);
    expect(view.revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(view.decidable).toBe(true);
    expect(view.comparison).toMatchObject({ fromNumber: 1, toNumber: 2, result: { changed: true, attachmentChanged: false } });
    const need = view.comparison?.result.fields.find((f) => f.field === "need");
    expect(need?.parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "del", text: "tre " },
      { kind: "ins", text: "fyra " },
    ]);
    expect(view.reviews).toMatchObject([{ decision: "REQUEST_CHANGES", revisionNumber: 1, reviewerName: "Cecilia Samordnare", comment }]);

    // A decision on the version the coordinator read, when a newer one exists, is refused.
    const stale = await refusal(decidePm(coordinator, decision(pm.id, revision!.id, { decision: "ACCEPT" }), now));
    expect(stale).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["pmRevisionChanged"] } });

    const later = new Date("2031-09-13T09:00:00Z");
    const accepted = await decidePm(coordinator, decision(pm.id, second.id, { decision: "ACCEPT" }), later);
    expect(accepted.status).toBe("ACCEPTED");
    const final = await db.projectPm.findUniqueOrThrow({ where: { id: pm.id }, include: { reviews: { orderBy: { createdAt: "asc" } } } });
    expect(final.status).toBe("ACCEPTED");
    expect(final.decidedAt?.toISOString()).toBe(later.toISOString());
    expect(final.reviews.map((r) => [r.revisionId, r.decision, r.comment])).toEqual([
      [revision!.id, "REQUEST_CHANGES", comment],
      [second.id, "ACCEPT", ""],
    ]);
    const mails = await db.outboxMessage.findMany({ where: { toEmail: participant.email, template: "pm-decision" }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => (m.payload as { decision: string }).decision)).toEqual(["REQUEST_CHANGES", "ACCEPT"]);
    const acceptRendered = renderEmail("pm-decision", mails[1]?.payload, "en", getEnv().APP_URL);
    expect(acceptRendered.subject).toBe("Your project PM has been accepted");
    expect(acceptRendered.text).not.toContain("comment:");

    // Version 1 is exactly as it was submitted.
    expect(await db.projectPmRevision.findUniqueOrThrow({ where: { id: revision!.id } })).toEqual(firstVersion);
    expect((await getPmForReview(coordinator, pm.id)).decidable).toBe(false);
  });

  it("declining needs a reason, and the reason reaches the participant", async () => {
    const workshop = await workshopWithOrganiser();
    const coordinator = await person(["COORDINATOR"]);
    const { pm, revision, participant } = await pmOf(workshop.id);
    const before = await marks(pm.id);

    expect(decidePmInput.safeParse({ pmId: pm.id, revisionId: revision!.id, decision: "DECLINE", comment: " \n " }).success).toBe(false);
    signInAs(coordinator);
    for (const [value, key] of [
      ["DECLINE", "pmReasonRequired"],
      ["REQUEST_CHANGES", "pmCommentRequired"],
    ] as const) {
      const result = await callForResult(decidePmAction, { pmId: pm.id, revisionId: revision!.id, decision: value, comment: "   " });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { comment: [sv.errors.fields[key]] } });
    }
    const markup = await callForResult(decidePmAction, { pmId: pm.id, revisionId: revision!.id, decision: "DECLINE", comment: "<script>x</script>" });
    expect(markup).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { comment: [sv.errors.fields.forbiddenCharacters] } });
    expect(await marks(pm.id)).toEqual(before);

    const reason = "Projektet ligger utanför verkstadens område.";
    const declined = await callForResult(decidePmAction, { pmId: pm.id, revisionId: revision!.id, decision: "DECLINE", comment: reason });
    expect(declined).toMatchObject({ ok: true, data: { status: "DECLINED" } });
    expect(await db.pmReview.findFirstOrThrow({ where: { pmId: pm.id } })).toMatchObject({ decision: "DECLINE", comment: reason });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: participant.email, template: "pm-decision" } });
    const rendered = renderEmail(mail.template, mail.payload, "sv", getEnv().APP_URL);
    expect(rendered.subject).toBe("Ditt projekt-PM blev inte godkänt");
    expect(rendered.text).toContain(reason);
    expect(rendered.text).toContain(paths.projectPm("sv", (await db.projectPm.findUniqueOrThrow({ where: { id: pm.id } })).bookingId));
  });

  it("refuses to decide a draft, a decided or a withdrawn PM, with a translated message and nothing written", async () => {
    const workshop = await workshopWithOrganiser();
    const coordinator = await person(["COORDINATOR"]);
    signInAs(coordinator);
    const draft = await pmOf(workshop.id, { status: "DRAFT" });
    // A draft has no revision: any id of a revision is not its latest.
    const otherRevision = (await pmOf(workshop.id)).revision!;
    const cases: [PmStatus, string][] = [
      ["ACCEPTED", "pmAlreadyDecided"],
      ["DECLINED", "pmAlreadyDecided"],
      ["CHANGES_REQUESTED", "pmAlreadyDecided"],
      ["WITHDRAWN", "pmWithdrawn"],
    ];
    const targets = [
      { pmId: draft.pm.id, revisionId: otherRevision.id, key: "pmNotSubmitted" },
      ...(await Promise.all(cases.map(async ([status, key]) => {
        const made = await pmOf(workshop.id, { status });
        return { pmId: made.pm.id, revisionId: made.revision!.id, key };
      }))),
    ];
    for (const { pmId, revisionId, key } of targets) {
      const before = await marks(pmId);
      for (const value of ["ACCEPT", "REQUEST_CHANGES", "DECLINE"] as const) {
        const error = await refusal(decidePm(coordinator, decision(pmId, revisionId, { decision: value, comment: "Kommentar" }), now));
        expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: [key] } });
      }
      const result = await callForResult(decidePmAction, { pmId, revisionId, decision: "ACCEPT", comment: "" });
      expect(result).toMatchObject({
        ok: false,
        code: "CONFLICT",
        message: sv.errors.codes.CONFLICT,
        fieldErrors: { _form: [sv.errors.fields[key as keyof typeof sv.errors.fields]] },
      });
      expect(await marks(pmId)).toEqual(before);
    }
    // An unknown PM is not found.
    expect((await refusal(decidePm(coordinator, decision("c".repeat(25), otherRevision.id, { decision: "ACCEPT" }), now))).code).toBe("NOT_FOUND");
  });

  it("two coordinators deciding at the same moment: one wins, the other gets CONFLICT", async () => {
    const workshop = await workshopWithOrganiser();
    const [first, second] = [await person(["COORDINATOR"]), await person(["ADMIN"])];
    for (let round = 0; round < 3; round++) {
      const { pm, revision, participant } = await pmOf(workshop.id);
      const outcomes = await Promise.allSettled([
        decidePm(first, decision(pm.id, revision!.id, { decision: "REQUEST_CHANGES", comment: "Förtydliga syftet." }), now),
        decidePm(second, decision(pm.id, revision!.id, { decision: "ACCEPT" }), now),
      ]);
      const won = outcomes.filter((o) => o.status === "fulfilled");
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(AppError);
      expect(lost[0]?.reason).toMatchObject({ code: "CONFLICT", fieldErrors: { _form: ["pmAlreadyDecided"] } });
      expect(await db.pmReview.count({ where: { pmId: pm.id } })).toBe(1);
      expect(await db.outboxMessage.count({ where: { toEmail: participant.email } })).toBe(1);
      expect(await db.auditEvent.count({ where: { entityId: pm.id, action: "pm.decided" } })).toBe(1);
      const review = await db.pmReview.findFirstOrThrow({ where: { pmId: pm.id } });
      const status = (await db.projectPm.findUniqueOrThrow({ where: { id: pm.id } })).status;
      expect(status).toBe(review.decision === "ACCEPT" ? "ACCEPTED" : "CHANGES_REQUESTED");
    }
    // The loser's message, in English too.
    const { pm, revision } = await pmOf(workshop.id, { status: "ACCEPTED" });
    const english = await person(["COORDINATOR"], { locale: "en" });
    signInAs(english);
    expect(await callForResult(decidePmAction, { pmId: pm.id, revisionId: revision!.id, decision: "DECLINE", comment: "Nej" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: en.errors.codes.CONFLICT,
      fieldErrors: { _form: [en.errors.fields.pmAlreadyDecided] },
    });
  });

  it("a participant, supervisor or orderer can never review, and a coordinator not their own PM", async () => {
    const workshop = await workshopWithOrganiser();
    const { pm, revision, participant } = await pmOf(workshop.id);
    const before = await marks(pm.id);
    const input = decision(pm.id, revision!.id, { decision: "ACCEPT" });

    for (const roles of [["PARTICIPANT"], ["SUPERVISOR"], ["ORDERER"], ["PARTICIPANT", "SUPERVISOR", "ORDERER"]] as Role[][]) {
      const user = roles.length === 1 && roles[0] === "PARTICIPANT" ? participant : await person(roles);
      expect((await refusal(decidePm(user, input, now))).code).toBe("FORBIDDEN");
      expect((await refusal(getPmForReview(user, pm.id))).code).toBe("FORBIDDEN");
      signInAs(user);
      expect(await callForResult(decidePmAction, input)).toMatchObject({ ok: false, code: "FORBIDDEN", message: sv.errors.codes.FORBIDDEN });
    }
    // A session that claims a role the database does not hold is refused by the use case too.
    expect((await refusal(decidePm({ ...participant, roles: ["COORDINATOR"] }, input, now))).code).toBe("FORBIDDEN");
    // A coordinator with a PM of their own cannot decide it.
    const coordinatorAuthor = await person(["COORDINATOR", "PARTICIPANT"]);
    const own = await pmOf(workshop.id, { participant: coordinatorAuthor });
    expect((await refusal(decidePm(coordinatorAuthor, decision(own.pm.id, own.revision!.id, { decision: "ACCEPT" }), now))).code).toBe("FORBIDDEN");
    expect(await getPmForReview(coordinatorAuthor, own.pm.id)).toMatchObject({ ownPm: true, decidable: false });
    expect((await getPmForReview(coordinatorAuthor, own.pm.id)).reviewers.map((r) => r.id)).not.toContain(coordinatorAuthor.id);

    expect(await marks(pm.id)).toEqual(before);
    // Guessed or malformed ids are not found.
    const coordinator = await person(["COORDINATOR"]);
    expect((await refusal(getPmForReview(coordinator, "c".repeat(25)))).code).toBe("NOT_FOUND");
    expect((await refusal(getPmForReview(coordinator, "../x"))).code).toBe("NOT_FOUND");
  });
});
