/** Empties the run-time page and data caches in .next (see page-cache.mjs). */
export function clearPageCache(root: string): void;
