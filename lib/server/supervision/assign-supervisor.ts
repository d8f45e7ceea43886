import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, type RoleName } from "@/lib/domain/roles";
import { canTakeAnother, supervisionPeriod, supervisorLimit } from "@/lib/domain/supervision";
import { dateColumnToLocalDate, localDateToDateColumn, type LocalDate } from "@/lib/domain/time";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { paths } from "@/lib/i18n/paths";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueEmail } from "@/lib/server/mail/enqueue-email";
import type { AssignSupervisorInput } from "@/lib/server/supervision/input";

export { assignSupervisorInput } from "@/lib/server/supervision/input";

/** Who may assign supervisors; the action checks the role too, this keeps the use case safe on its own. */

export type AssignedSupervision = { supervisionId: string; startsOn: LocalDate; endsOn: LocalDate; plannedMeetings: number };

/**
 * A coordinator assigns a supervisor to an accepted project PM, with the period's start and the
 * planned meetings; the end follows from the workshop's supervisionMonths (calendar months).
 *
 * One transaction: the PM row is locked first, so two coordinators assigning the same project at
 * once run one after the other and the second finds it taken (CONFLICT); the supervisor's row is
 * locked too, so two projects given to the same supervisor at once cannot both slip under the limit.
 * The unique pmId is the database's last word. Audit event and the two e-mails (participant and
 * supervisor) are written in the same transaction.
 */
export async function assignSupervisor(
  user: { id: string; roles: readonly RoleName[] },
  input: AssignSupervisorInput,
  now: Date,
  context: { requestId?: string } = {},
): Promise<AssignedSupervision> {
  assertCan(user, "supervision.assign");
  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`select id from "ProjectPm" where id = ${input.pmId} for update`;
      const pm = await tx.projectPm.findUnique({
        where: { id: input.pmId },
        select: {
          id: true,
          status: true,
          title: true,
          participant: { select: { name: true, email: true, locale: true, erasedAt: true } },
          workshop: { select: { title: true, supervisionMonths: true } },
          supervision: { select: { id: true } },
        },
      });
      if (!pm) throw new AppError("NOT_FOUND");
      if (pm.status !== "ACCEPTED") throw new AppError("CONFLICT", `PM ${pm.id} is ${pm.status}, not ACCEPTED`);
      if (pm.supervision) throw new AppError("CONFLICT", `PM ${pm.id} already has supervision ${pm.supervision.id}`);

      await tx.$queryRaw`select id from "User" where id = ${input.supervisorId} for update`;
      const supervisor = await tx.user.findUnique({
        where: { id: input.supervisorId },
        select: { id: true, name: true, email: true, locale: true, erasedAt: true, supervisionLimit: true, roles: { select: { role: true } } },
      });
      if (!supervisor || supervisor.erasedAt || !can({ roles: supervisor.roles.map((r) => r.role) }, "supervision.conduct")) {
        throw new AppError("INVALID_INPUT", "Not a supervisor", { supervisorId: ["notSupervisor"] });
      }
      const supervisorName = supervisor.name ?? supervisor.email;
      const limit = supervisorLimit(supervisor.supervisionLimit);
      const active = await tx.supervision.count({ where: { supervisorId: supervisor.id, status: "ACTIVE" } });
      if (!canTakeAnother(active, limit)) {
        throw new AppError("INVALID_INPUT", `Supervisor at limit ${limit}`, {
          supervisorId: [{ key: "supervisorAtLimit", params: { name: supervisorName, limit } }],
        });
      }

      const period = supervisionPeriod(input.startsOn, pm.workshop.supervisionMonths);
      const supervision = await tx.supervision.create({
        data: {
          pmId: pm.id,
          supervisorId: supervisor.id,
          assignedById: user.id,
          startsOn: localDateToDateColumn(period.startsOn),
          endsOn: localDateToDateColumn(period.endsOn),
          plannedMeetings: input.plannedMeetings,
          status: "ACTIVE",
        },
        select: { id: true, startsOn: true, endsOn: true, plannedMeetings: true },
      });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: "supervision.assigned",
        entityType: "Supervision",
        entityId: supervision.id,
        after: {
          pmId: pm.id,
          supervisorId: supervisor.id,
          startsOn: period.startsOn,
          endsOn: period.endsOn,
          plannedMeetings: input.plannedMeetings,
          activeBefore: active,
          limit,
        },
        requestId: context.requestId,
      });

      const appUrl = getEnv().APP_URL;
      const participantName = pm.participant.name ?? pm.participant.email;
      const common = {
        participant: participantName,
        supervisor: supervisorName,
        supervisorEmail: supervisor.email,
        project: pm.title,
        workshop: pm.workshop.title,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        plannedMeetings: input.plannedMeetings,
      };
      // An erased participant has no address left to write to.
      if (!pm.participant.erasedAt) {
        await enqueueEmail(tx, {
          to: pm.participant.email,
          locale: pm.participant.locale,
          template: "supervisor-assigned",
          params: { ...common, audience: "participant", url: new URL(paths.myProject(pm.participant.locale), appUrl).toString() },
        });
      }
      await enqueueEmail(tx, {
        to: supervisor.email,
        locale: supervisor.locale,
        template: "supervisor-assigned",
        params: { ...common, audience: "supervisor", url: new URL(paths.supervision(supervisor.locale, supervision.id), appUrl).toString() },
      });

      return {
        supervisionId: supervision.id,
        startsOn: dateColumnToLocalDate(supervision.startsOn),
        endsOn: dateColumnToLocalDate(supervision.endsOn),
        plannedMeetings: supervision.plannedMeetings,
      };
    });
  } catch (error) {
    // The row lock makes this rare; the unique pmId still answers a race the lock did not see.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "The project got a supervisor at the same moment");
    }
    throw error;
  }
}
