import type { ReactNode } from "react";

const tones = {
  gathering: "bg-gathering-soft text-gathering",
  lecture: "bg-lecture-soft text-lecture",
  danger: "bg-danger-soft text-danger",
  warning: "bg-warning-soft text-warning",
  neutral: "bg-surface text-muted",
} as const;

export type BadgeTone = keyof typeof tones;

/** A short label beside a title. Text, not colour, carries the meaning (WCAG 1.4.1). */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold leading-6 ${tones[tone]}`}>{children}</span>
  );
}
