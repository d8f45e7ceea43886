import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { WorkshopStatus } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/lib/i18n/routing";

const TONES: Record<WorkshopStatus, BadgeTone> = { DRAFT: "warning", PUBLISHED: "gathering", ARCHIVED: "neutral" };

/** "Utkast", "Publicerad", "Arkiverad" in words (the colour only repeats it). */
export async function WorkshopStatusBadge({ status, locale }: { status: WorkshopStatus; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "calendarAdmin.status" });
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
