/** Empties the run-time page cache in .next (see page-cache.mjs). */
export function clearPageCache(root: string): void;
