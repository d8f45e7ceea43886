import type { ReactNode } from "react";

/**
 * A wide table that may scroll sideways on a narrow screen. The scrolling box can take the
 * keyboard focus (so it can be scrolled without a mouse) and is named by the table's caption.
 */
export function TableRegion({ captionId, className = "", children }: { captionId: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className={`mt-4 overflow-x-auto rounded-lg border border-line ${className}`}>
      {children}
    </div>
  );
}

/** Shared cell styles, so the admin tables look alike. */
export const th = "border-b-2 border-line bg-surface px-3 py-2 text-left align-bottom font-semibold";
export const td = "border-b border-line px-3 py-2 align-top";
