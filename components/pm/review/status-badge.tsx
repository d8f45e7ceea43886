import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PmStatus } from "@/lib/domain/pm/machine";

const TONES: Record<PmStatus, BadgeTone> = {
  DRAFT: "neutral",
  SUBMITTED: "warning",
  CHANGES_REQUESTED: "lecture",
  ACCEPTED: "gathering",
  DECLINED: "danger",
  WITHDRAWN: "neutral",
};

/** A PM's status as a word on a tinted label; the word carries the meaning, the tint only helps. */
export function PmStatusBadge({ status, label }: { status: PmStatus; label: string }) {
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
