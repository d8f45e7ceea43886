import "server-only";
import { db } from "@/lib/db";

/** Whether the person has a live calendar link, and since when (the link itself is never shown again). */
export async function getFeedStatus(user: { id: string }): Promise<{ liveSince: Date | null }> {
  const live = await db.calendarFeedToken.findFirst({ where: { userId: user.id, revokedAt: null }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return { liveSince: live?.createdAt ?? null };
}
