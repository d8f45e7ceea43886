import type { ReactNode } from "react";

/** Label–value pairs as a description list, side by side where there is room. */
export function Facts({ items, className = "" }: { items: { label: string; value: ReactNode }[]; className?: string }) {
  return (
    <dl className={`grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(9rem,max-content)_1fr] ${className}`}>
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="font-semibold text-ink sm:font-normal sm:text-muted">{item.label}</dt>
          <dd className="mb-2 sm:mb-1">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
