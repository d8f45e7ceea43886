/**
 * One link of the main navigation; "prefix" marks it current on the pages under it too, and `also`
 * on the pages under other addresses it stands for (the calendar's month pages).
 */
export type NavItem = { href: string; label: string; match: "exact" | "prefix"; also?: readonly string[] };

/** Links under `item` that another item owns, so that only the closest item is marked current. */
export function exceptFor(item: NavItem, all: readonly NavItem[]): string[] {
  return all.filter((other) => other.href !== item.href && other.href.startsWith(`${item.href}/`)).map((other) => other.href);
}
