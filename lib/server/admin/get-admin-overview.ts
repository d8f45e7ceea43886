import "server-only";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/domain/roles";
import { addDays, startOfStockholmDay, toStockholmDate } from "@/lib/domain/time";

/** The audit summary covers this many Stockholm days, today included. */
export const OVERVIEW_DAYS = 7;

/**
 * The admin's landing page: how many people hold each role, and what the audit log recorded in
 * the last seven Stockholm days (today included, so the page's link to the log shows the same rows).
 */
export async function getAdminOverview(now: Date) {
  const since = addDays(toStockholmDate(now), -(OVERVIEW_DAYS - 1));
  const recent = { createdAt: { gte: startOfStockholmDay(since) } };
  const [people, incompleteProfiles, roleCounts, eventCount, actionCounts] = await Promise.all([
    db.user.count({ where: { erasedAt: null } }),
    db.user.count({ where: { erasedAt: null, profileCompletedAt: null } }),
    db.userRole.groupBy({ by: ["role"], where: { user: { erasedAt: null } }, _count: { _all: true } }),
    db.auditEvent.count({ where: recent }),
    db.auditEvent.groupBy({ by: ["action"], where: recent, _count: { _all: true } }),
  ]);
  return {
    people,
    incompleteProfiles,
    perRole: ROLES.map((role) => ({ role, count: roleCounts.find((r) => r.role === role)?._count._all ?? 0 })),
    /** First Stockholm day counted, "YYYY-MM-DD". */
    since,
    eventCount,
    actions: actionCounts
      .map((a) => ({ action: a.action, count: a._count._all }))
      .sort((x, y) => y.count - x.count || x.action.localeCompare(y.action)),
  };
}
