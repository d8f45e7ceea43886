import "server-only";
import { can } from "@/lib/domain/roles";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/domain/money";
import { toStockholmDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportColumn } from "@/lib/exports/columns";
import { CSV_CONTENT_TYPE, writeCsv } from "@/lib/exports/csv";
import { writeXlsx, XLSX_CONTENT_TYPE } from "@/lib/exports/xlsx";
import type { LooseTranslator } from "@/lib/i18n/loose-translator";
import { siteTranslator } from "@/lib/i18n/site-messages";
import { loadAttendanceSession } from "@/lib/server/attendance/attendance-session";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { idField } from "@/lib/validation/fields";
import { loadParticipantRows, type ParticipantRow, type ParticipantScope } from "./participant-rows";

export const PARTICIPANT_SCOPES = ["session", "workshop", "organisation"] as const;
export type ParticipantExportScope = (typeof PARTICIPANT_SCOPES)[number];
export const PARTICIPANT_EXPORT_FORMATS = ["csv", "xlsx"] as const;

/**
 * What the export route accepts. `id` is a session reference ("l-<id>" / "g-<id>") for a session,
 * else a workshop's or an organisation's id; `workshopId` narrows an organisation's export to one
 * workshop (the overview page's buttons send it).
 */
export const exportParticipantsInput = z
  .object({
    scope: z.enum(PARTICIPANT_SCOPES, { error: "invalidChoice" }),
    id: z.string({ error: "required" }).min(1, { error: "required" }).max(80, { error: "invalidChoice" }),
    format: z.enum(PARTICIPANT_EXPORT_FORMATS, { error: "invalidChoice" }),
    workshopId: idField.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.scope !== "session" && !idField.safeParse(value.id).success) ctx.addIssue({ code: "custom", path: ["id"], message: "invalidChoice" });
    if (value.scope !== "organisation" && value.workshopId) ctx.addIssue({ code: "custom", path: ["workshopId"], message: "invalidChoice" });
  });
export type ExportParticipantsInput = z.output<typeof exportParticipantsInput>;

export type ParticipantExport = { fileName: string; contentType: string; body: Uint8Array<ArrayBuffer>; rowCount: number };


export function participantColumns(t: LooseTranslator): ExportColumn<ParticipantRow>[] {
  const col = (key: string) => t(`participantExport.columns.${key}`);
  return [
    { header: col("name"), type: "text", value: (r) => r.name },
    { header: col("email"), type: "text", value: (r) => r.email },
    { header: col("organisation"), type: "text", value: (r) => r.organisation },
    {
      header: col("bookingType"),
      type: "text",
      value: (r) => t(`participantExport.bookingType.${r.bookingKind === "LECTURE" ? "LECTURE" : r.ownProject ? "PACKAGE_OWN_PROJECT" : "PACKAGE"}`),
    },
    { header: col("bookingStatus"), type: "text", value: (r) => t(`participantExport.bookingStatus.${r.bookingStatus}`) },
    { header: col("workshop"), type: "text", value: (r) => r.workshopTitle },
    { header: col("session"), type: "text", value: (r) => r.session.title },
    { header: col("startsAt"), type: "datetime", value: (r) => r.session.startsAt },
    { header: col("attendance"), type: "text", value: (r) => t(`participantExport.attendance.${r.attendance}`) },
    { header: col("dietaryNeeds"), type: "text", value: (r) => r.dietaryNeeds },
    { header: col("accessibilityNeeds"), type: "text", value: (r) => r.accessibilityNeeds },
  ];
}

/**
 * Who may export what: coordinators and admins every scope; an orderer only their own
 * organisation (another organisation is NOT_FOUND, as if it did not exist); nobody else.
 */
function authorize(user: SessionUser, input: ExportParticipantsInput): void {
  if (can(user, "organisation.readAny")) return;
  if (!can(user, "organisation.readOwn") || input.scope !== "organisation") throw new AppError("FORBIDDEN");
  if (user.organisationId !== input.id) throw new AppError("NOT_FOUND");
}

/** The scope, checked to exist and to be public (a draft workshop or session is NOT_FOUND). */
async function resolveScope(tx: Prisma.TransactionClient, input: ExportParticipantsInput): Promise<ParticipantScope> {
  switch (input.scope) {
    case "session": {
      const session = await loadAttendanceSession(tx, input.id);
      return { kind: "session", session: { kind: session.kind, id: session.id }, workshopId: session.workshop.id };
    }
    case "workshop": {
      const workshop = await tx.workshop.findUnique({ where: { id: input.id }, select: { status: true } });
      if (workshop?.status !== "PUBLISHED") throw new AppError("NOT_FOUND");
      return { kind: "workshop", workshopId: input.id };
    }
    case "organisation": {
      const organisation = await tx.organisation.findUnique({ where: { id: input.id }, select: { id: true } });
      if (!organisation) throw new AppError("NOT_FOUND");
      if (input.workshopId) {
        const workshop = await tx.workshop.findUnique({ where: { id: input.workshopId }, select: { status: true } });
        if (workshop?.status !== "PUBLISHED") throw new AppError("NOT_FOUND");
      }
      return { kind: "organisation", organisationId: input.id, workshopId: input.workshopId };
    }
  }
}

/**
 * Participants of a session, a workshop or an organisation as a CSV or Excel file, one row per
 * person and session, headers and values in the reader's language. Read in one snapshot and
 * written to the audit log in the same transaction (who exported which scope, how many rows):
 * the file holds personal data, including needs a participant told us about.
 */
export async function exportParticipants(
  user: SessionUser,
  input: ExportParticipantsInput,
  now: Date,
  options: { locale: AppLocale; requestId?: string },
): Promise<ParticipantExport> {
  authorize(user, input);
  const t = siteTranslator(options.locale);
  const rows = await db.$transaction(
    async (tx) => {
      const scope = await resolveScope(tx, input);
      const read = await loadParticipantRows(tx, scope);
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "participants.exported",
        entityType: "ParticipantExport",
        entityId: input.id,
        after: { scope: input.scope, id: input.id, workshopId: input.workshopId ?? null, format: input.format, rows: read.length },
        requestId: options.requestId,
      });
      return read;
    },
    { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 10_000 },
  );
  const columns = participantColumns(t);
  const body =
    input.format === "csv"
      ? new TextEncoder().encode(writeCsv({ columns, rows }))
      : await writeXlsx({ columns, rows }, { sheetName: t("participantExport.sheetName"), created: now });
  return {
    fileName: `${t(`participantExport.fileNames.${input.scope}`)}-${toStockholmDate(now)}.${input.format}`,
    contentType: input.format === "csv" ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
    body,
    rowCount: rows.length,
  };
}
