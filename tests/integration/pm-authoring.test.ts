/**
 * The participant's project PM against the database: drafts, the attachment (type by content),
 * submitting into locked revisions, the Stockholm deadline with an extension, refusals that
 * write nothing and keep every earlier version, and nobody else's PM or file by id guessing.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { grantExtensionAction, removePmAttachmentAction, savePmDraftAction, submitPmAction, uploadPmAttachmentAction } from "@/app/_actions/pm";
import { GET as downloadAttachment } from "@/app/api/pm-attachments/[attachmentId]/route";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { renderEmail } from "@/lib/mail/render";
import { pmDraftInput, pmSubmitInput } from "@/lib/server/pm/form-input";
import { getPmAttachment } from "@/lib/server/pm/get-pm-attachment";
import { getPmForParticipant } from "@/lib/server/pm/get-pm-for-participant";
import { grantExtension, grantExtensionInput } from "@/lib/server/pm/grant-extension";
import { savePmDraft } from "@/lib/server/pm/save-pm-draft";
import { submitPm } from "@/lib/server/pm/submit-pm";
import { uploadPmAttachment } from "@/lib/server/pm/upload-pm-attachment";
import { createBooking, createOrganiser, createSupervision, createUser, createWorkshop } from "@/tests/factories";
import { makeDocx, makeZip, minimalPdf } from "@/tests/support/pm-files";
import { callForResult, signInAs } from "./support/session";

vi.mock("next-auth", async (original) => (await import("./support/session")).mockNextAuth(await original()));
vi.mock("next/headers", async () => (await import("./support/session")).mockNextHeaders());
vi.mock("next/cache", async (original) => (await import("./support/session")).mockNextCache(await original()));

// Deadline Thursday 9 January 2031 (winter time: the day ends 22:59:59 UTC).
const DEADLINE = "2031-01-09";
const now = new Date("2031-01-05T10:00:00Z");
const lastSecond = new Date("2031-01-09T22:59:59Z");
const nextMidnight = new Date("2031-01-09T23:00:00Z");

beforeEach(() => signInAs(null));

async function scenario(options: { locale?: "sv" | "en" } = {}) {
  const organiser = await createOrganiser(db);
  const workshop = await createWorkshop(db, {
    organiserId: organiser.id,
    startsOn: "2031-01-16",
    endsOn: "2031-06-12",
    pmDeadline: DEADLINE,
    cancellationDeadline: "2031-01-02",
    followUpOn: "2031-12-11",
  });
  const participant = await createUser(db, { name: "Anna Berg", locale: options.locale ?? "sv" });
  const booking = await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: participant.id, ownProject: true });
  const session = { id: participant.id, locale: participant.locale };
  return { workshop, participant, booking, session };
}

const texts = (bookingId: string, change: Record<string, unknown> = {}) => ({
  bookingId,
  title: "Kortare väntetid till hemtjänst",
  need: "Nya brukare väntar i snitt tre veckor på första besöket.",
  backgroundPurpose: "Syftet är att korta väntetiden genom en tydligare överlämning.",
  method: "",
  workplace: "Hemtjänsten",
  unit: "Område norr",
  ...change,
});

const fileOf = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

async function marks(pmId?: string) {
  const [pms, revisions, attachments, outbox, audit] = await Promise.all([
    db.projectPm.count(),
    db.projectPmRevision.findMany({ where: pmId ? { pmId } : {}, orderBy: [{ pmId: "asc" }, { number: "asc" }] }),
    db.pmAttachment.findMany({ select: { id: true, sha256: true }, orderBy: { id: "asc" } }),
    db.outboxMessage.count(),
    db.auditEvent.count(),
  ]);
  const pm = pmId ? await db.projectPm.findUnique({ where: { id: pmId } }) : null;
  return { pms, revisions, attachments, outbox, audit, pm };
}

describe("drafts and submitting", () => {
  it("opening creates the PM once; a draft may be incomplete; submit locks revision 1 with a receipt and an audit event", async () => {
    const { booking, session, participant, workshop } = await scenario();
    const view = await getPmForParticipant(session, booking.id, now);
    expect(view).toMatchObject({ status: "DRAFT", deadline: DEADLINE, editable: true, canSubmit: true, tooLate: false, revisions: [] });
    await getPmForParticipant(session, booking.id, now);
    expect(await db.projectPm.count({ where: { bookingId: booking.id } })).toBe(1);

    await savePmDraft(session, pmDraftInput.parse({ bookingId: booking.id, title: "Halvfärdig" }), now);
    expect(await db.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id } })).toMatchObject({ title: "Halvfärdig", need: "", status: "DRAFT" });

    const result = await submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now });
    expect(result).toMatchObject({ revisionNumber: 1, lateWithExtension: false, submittedAt: now.toISOString() });
    const pm = await db.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id }, include: { revisions: true } });
    expect(pm).toMatchObject({ status: "SUBMITTED", title: "Kortare väntetid till hemtjänst", method: null, submittedAt: now });
    expect(pm.revisions).toHaveLength(1);
    expect(pm.revisions[0]).toMatchObject({ number: 1, title: "Kortare väntetid till hemtjänst", unit: "Område norr", lateWithExtension: false });

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toEmail: participant.email, template: "pm-submitted" } });
    const rendered = renderEmail(mail.template, mail.payload, mail.locale, getEnv().APP_URL);
    expect(rendered.subject).toContain("Kortare väntetid till hemtjänst");
    expect(rendered.text).toContain(`/projekt-pm/${booking.id}`);
    expect(rendered.text).toContain(workshop.title);
    expect(await db.auditEvent.count({ where: { entityId: pm.id, action: "pm.submitted", actorId: participant.id } })).toBe(1);
  });

  it("after changes are requested the participant revises: revision 2, revision 1 untouched, also after the deadline", async () => {
    const { booking, session } = await scenario();
    await submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now });
    const pm = await db.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    const first = await db.projectPmRevision.findFirstOrThrow({ where: { pmId: pm.id } });
    const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
    // The review itself is another use case's; here only its effect on the PM.
    await db.pmReview.create({ data: { pmId: pm.id, revisionId: first.id, reviewerId: coordinator.id, decision: "REQUEST_CHANGES", comment: "Hur mäter ni?" } });
    await db.projectPm.update({ where: { id: pm.id }, data: { status: "CHANGES_REQUESTED" } });

    const later = new Date("2031-01-20T09:00:00Z");
    await savePmDraft(session, pmDraftInput.parse(texts(booking.id, { method: "Mätning varje vecka." })), later);
    const second = await submitPm(session, pmSubmitInput.parse(texts(booking.id, { method: "Mätning varje vecka." })), { now: later });
    expect(second).toMatchObject({ revisionNumber: 2, lateWithExtension: false });
    const revisions = await db.projectPmRevision.findMany({ where: { pmId: pm.id }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.method])).toEqual([[1, null], [2, "Mätning varje vecka."]]);
    expect(revisions[0]).toEqual(first);

    const view = await getPmForParticipant(session, booking.id, later);
    expect(view.revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(view.revisions[1]?.reviews).toMatchObject([{ decision: "REQUEST_CHANGES", comment: "Hur mäter ni?" }]);
  });
});

describe("the deadline (Stockholm time, inclusive) and extensions", () => {
  it("on time at 23:59:59 local time on the deadline day", async () => {
    const { booking, session } = await scenario();
    expect(await submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now: lastSecond })).toMatchObject({ revisionNumber: 1 });
  });

  it("TOO_LATE from 00:00:00 the next day, with the date in words; the draft stays, nothing else is written", async () => {
    const { booking, session } = await scenario();
    await savePmDraft(session, pmDraftInput.parse(texts(booking.id)), now);
    const pm = await db.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    const before = await marks(pm.id);
    const error = await submitPm(session, pmSubmitInput.parse(texts(booking.id, { title: "Ny titel" })), { now: nextMidnight }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TOO_LATE", params: { date: "9 januari 2031" }, fieldErrors: { _form: [{ key: "pmTooLate", params: { date: "9 januari 2031" } }] } });
    expect(await marks(pm.id)).toEqual(before);
    expect((await getPmForParticipant(session, booking.id, nextMidnight)).tooLate).toBe(true);
  });

  it("an extension granted by a coordinator replaces the deadline for that person; the revision is flagged late-with-extension", async () => {
    const { booking, session, participant } = await scenario();
    const other = await scenario();
    const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
    await grantExtension(coordinator, grantExtensionInput.parse({ bookingId: booking.id, newDeadline: "2031-01-16", reason: "Sjukdom" }), { now });
    const extension = await db.deadlineExtension.findFirstOrThrow({ where: { participantId: participant.id } });
    expect(extension).toMatchObject({ reason: "Sjukdom", grantedById: coordinator.id });

    expect((await getPmForParticipant(session, booking.id, nextMidnight)).deadline).toBe("2031-01-16");
    const result = await submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now: new Date("2031-01-16T22:59:59Z") });
    expect(result).toMatchObject({ lateWithExtension: true });
    expect(await db.projectPmRevision.findFirstOrThrow({ where: { number: 1, pm: { bookingId: booking.id } } })).toMatchObject({ lateWithExtension: true });
    // Only that person: the other participant of another workshop is late.
    await expect(submitPm(other.session, pmSubmitInput.parse(texts(other.booking.id)), { now: nextMidnight })).rejects.toMatchObject({ code: "TOO_LATE" });
  });

  it("an extension ends at 23:59:59 of its own day, and must be later than the workshop's deadline", async () => {
    const { booking, session } = await scenario();
    const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
    await expect(grantExtension(coordinator, grantExtensionInput.parse({ bookingId: booking.id, newDeadline: DEADLINE, reason: "x" }), { now })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { newDeadline: ["extensionNotLater"] },
    });
    await grantExtension(coordinator, grantExtensionInput.parse({ bookingId: booking.id, newDeadline: "2031-01-16", reason: "Sjukdom" }), { now });
    await expect(submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now: new Date("2031-01-16T23:00:00Z") })).rejects.toMatchObject({
      code: "TOO_LATE",
      params: { date: "16 januari 2031" },
    });
  });

  it("pm.grantExtension is for coordinators and admins: a participant is refused", async () => {
    const { booking, participant } = await scenario();
    signInAs(participant);
    const refused = await callForResult(grantExtensionAction, { bookingId: booking.id, newDeadline: "2031-01-16", reason: "Själv" });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
    signInAs(coordinator);
    expect(await callForResult(grantExtensionAction, { bookingId: booking.id, newDeadline: "2031-01-16", reason: "Sjukdom" })).toMatchObject({ ok: true });
    expect(await db.deadlineExtension.count({ where: { participantId: participant.id } })).toBe(1);
  });
});

describe("the attachment", () => {
  it("a PDF and a DOCX are stored with the type from their content; a new file replaces the draft's; each revision keeps its own copy", async () => {
    const { booking, session, participant } = await scenario();
    const pdf = await uploadPmAttachment(session, { bookingId: booking.id, file: fileOf(minimalPdf(), "mitt pm.pdf", "application/pdf") }, { now });
    expect(pdf).toMatchObject({ fileName: "mitt pm.pdf", mimeType: "application/pdf" });
    // Labelled as a PDF but a Word document: the content decides.
    const docx = await uploadPmAttachment(session, { bookingId: booking.id, file: fileOf(makeDocx(), "plan.pdf", "application/pdf") }, { now });
    expect(docx).toMatchObject({ fileName: "plan.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(await db.pmAttachment.count({ where: { pm: { bookingId: booking.id } } })).toBe(1);

    await submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now });
    const revision = await db.projectPmRevision.findFirstOrThrow({ where: { pm: { bookingId: booking.id } }, include: { attachment: true } });
    expect(revision.attachment).toMatchObject({ fileName: "plan.docx", sizeBytes: makeDocx().length });
    expect(revision.attachmentId).not.toBe(docx.attachmentId);

    signInAs(participant);
    const response = await downloadAttachment(new Request("http://localhost/api/pm-attachments/x"), { params: Promise.resolve({ attachmentId: revision.attachmentId! }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="plan\.docx"/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(makeDocx());
  });
});

describe("bad input: translated errors, nothing lost", () => {
  it("an oversized file, a mislabelled file and no file are refused in Swedish; the draft's file stays", async () => {
    const { booking, participant, session } = await scenario();
    const kept = await uploadPmAttachment(session, { bookingId: booking.id, file: fileOf(minimalPdf(), "pm.pdf", "application/pdf") }, { now });
    signInAs(participant);
    const before = await marks();

    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(minimalPdf());
    const oversized = await callForResult(uploadPmAttachmentAction, formData({ bookingId: booking.id, file: fileOf(big, "stor.pdf", "application/pdf") }));
    expect(oversized).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { file: ["Filen är för stor. Den får vara högst 10 MB."] } });

    const text = new TextEncoder().encode("Detta är ingen PDF");
    const mislabelled = await callForResult(uploadPmAttachmentAction, formData({ bookingId: booking.id, file: fileOf(text, "pm.pdf", "application/pdf") }));
    expect(mislabelled).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(mislabelled.ok ? [] : mislabelled.fieldErrors?.file).toEqual([expect.stringContaining("inte en PDF eller ett Word-dokument")]);
    const xlsx = await callForResult(uploadPmAttachmentAction, formData({ bookingId: booking.id, file: fileOf(makeZip(["xl/workbook.xml"]), "pm.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document") }));
    expect(xlsx).toMatchObject({ ok: false, code: "INVALID_INPUT" });

    const missing = await callForResult(uploadPmAttachmentAction, formData({ bookingId: booking.id }));
    expect(missing).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { file: ["Välj en fil att ladda upp."] } });

    expect(await marks()).toEqual(before);
    expect((await getPmAttachment({ id: participant.id, roles: ["PARTICIPANT"] }, kept.attachmentId)).fileName).toBe("pm.pdf");
  });

  it("empty required fields: each field says so in the person's language, and the saved draft is unchanged", async () => {
    const { booking, participant, session } = await scenario({ locale: "en" });
    await savePmDraft(session, pmDraftInput.parse(texts(booking.id, { title: "Sparad titel" })), now);
    signInAs(participant);
    const before = await marks();
    const result = await callForResult(submitPmAction, formData({ bookingId: booking.id, title: "", need: " ", backgroundPurpose: "B", workplace: "W", unit: "" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["need", "title", "unit"]);
    expect(result.fieldErrors?.title?.[0]).not.toBe("required");
    expect(await marks()).toEqual(before);
    expect((await db.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id } })).title).toBe("Sparad titel");
  });

  it("resubmitting a SUBMITTED or ACCEPTED PM is refused with its own message; the revision and the draft stay as they were", async () => {
    const { booking, participant, session } = await scenario();
    await submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now });
    const pm = await db.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id } });
    signInAs(participant);

    for (const status of ["SUBMITTED", "ACCEPTED", "DECLINED"] as const) {
      await db.projectPm.update({ where: { id: pm.id }, data: { status } });
      const before = await marks(pm.id);
      const again = await callForResult(submitPmAction, texts(booking.id, { title: "Ändrad i smyg" }));
      expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(again.ok ? [] : again.fieldErrors?._form).toEqual([expect.stringMatching(/^Ditt projekt-PM /)]);
      const draft = await callForResult(savePmDraftAction, texts(booking.id, { title: "Ändrad i smyg" }));
      expect(draft).toMatchObject({ ok: false, code: "CONFLICT" });
      const upload = await callForResult(uploadPmAttachmentAction, formData({ bookingId: booking.id, file: fileOf(minimalPdf(), "x.pdf", "application/pdf") }));
      expect(upload).toMatchObject({ ok: false, code: "CONFLICT" });
      const remove = await callForResult(removePmAttachmentAction, { bookingId: booking.id });
      expect(remove).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(await marks(pm.id)).toEqual(before);
    }
    const accepted = await callForResult(submitPmAction, texts(booking.id));
    expect(accepted.ok).toBe(false);
  });
});

describe("nobody else's PM or file, by id guessing", () => {
  it("another participant gets NOT_FOUND for reading, saving, submitting and uploading, and nothing is written", async () => {
    const { booking } = await scenario();
    const stranger = await createUser(db);
    const strangerSession = { id: stranger.id, locale: "sv" as const };
    await expect(getPmForParticipant(strangerSession, booking.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before = await marks();
    await expect(savePmDraft(strangerSession, pmDraftInput.parse(texts(booking.id)), now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitPm(strangerSession, pmSubmitInput.parse(texts(booking.id)), { now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    signInAs(stranger);
    const upload = await callForResult(uploadPmAttachmentAction, formData({ bookingId: booking.id, file: fileOf(minimalPdf(), "x.pdf", "application/pdf") }));
    expect(upload).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await marks()).toEqual(before);
  });

  it("the file: its participant, coordinators, admins and the assigned supervisor; everyone else 404, signed out 401", async () => {
    const { booking, participant, session } = await scenario();
    const { attachmentId } = await uploadPmAttachment(session, { bookingId: booking.id, file: fileOf(minimalPdf(), "pm.pdf", "application/pdf") }, { now });
    await submitPm(session, pmSubmitInput.parse(texts(booking.id)), { now });
    const pm = await db.projectPm.findUniqueOrThrow({ where: { bookingId: booking.id }, include: { revisions: true } });
    const revisionFile = pm.revisions[0]!.attachmentId!;
    const coordinator = await createUser(db, { roles: ["COORDINATOR"] });
    const admin = await createUser(db, { roles: ["ADMIN"] });
    const supervisor = await createUser(db, { roles: ["SUPERVISOR"] });
    const otherSupervisor = await createUser(db, { roles: ["SUPERVISOR"] });
    const otherParticipant = (await scenario()).participant;
    const orderer = await createUser(db, { roles: ["ORDERER"] });
    await db.projectPm.update({ where: { id: pm.id }, data: { status: "ACCEPTED" } });
    await createSupervision(db, { pmId: pm.id, supervisorId: supervisor.id, assignedById: coordinator.id });

    const get = async (who: { id: string } | null, id: string) => {
      signInAs(who);
      return (await downloadAttachment(new Request(`http://localhost/api/pm-attachments/${id}`), { params: Promise.resolve({ attachmentId: id }) })).status;
    };
    for (const id of [attachmentId, revisionFile]) {
      expect(await get(participant, id)).toBe(200);
      expect(await get(coordinator, id)).toBe(200);
      expect(await get(admin, id)).toBe(200);
      expect(await get(supervisor, id)).toBe(200);
      expect(await get(otherSupervisor, id)).toBe(404);
      expect(await get(otherParticipant, id)).toBe(404);
      expect(await get(orderer, id)).toBe(404);
      expect(await get(null, id)).toBe(401);
    }
    expect(await get(participant, "cmzz0unknown0000000000000")).toBe(404);
    expect(await get(participant, "../etc/passwd")).toBe(404);
  });

  it("a booking without own project, a lecture-less cancelled one, or an unknown id has no PM", async () => {
    const { workshop, participant, session } = await scenario();
    const plain = await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: (await createUser(db)).id });
    await expect(getPmForParticipant(session, plain.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const cancelled = await createBooking(db, { kind: "PACKAGE", workshopId: workshop.id, participantId: participant.id, ownProject: true, status: "CANCELLED" });
    await expect(getPmForParticipant(session, cancelled.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPmForParticipant(session, "cmzz0unknown0000000000000", now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.projectPm.count({ where: { bookingId: { in: [plain.id, cancelled.id] } } })).toBe(0);
  });
});

function formData(values: Record<string, string | File>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  return form;
}
