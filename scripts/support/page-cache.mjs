// The pages Next.js renders at run time and keeps (the public calendar and its month pages,
// `force-static`) live in the build folder, in .next/server/route-cache, and the data they were
// rendered from (unstable_cache, lib/server/calendar/list-published-calendar.ts) in
// .next/cache/fetch-cache. Both are right for the database they were read from; a server started later may face another database (the demo
// after the tests, a bench's throwaway one) or data changed while it was down. So every start
// begins with an empty cache: the first request renders afresh and caches again.
import fs from "node:fs";
import path from "node:path";

export function clearPageCache(root) {
  fs.rmSync(path.join(root, ".next", "server", "route-cache"), { recursive: true, force: true });
  fs.rmSync(path.join(root, ".next", "cache", "fetch-cache"), { recursive: true, force: true });
}
