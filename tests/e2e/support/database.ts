/**
 * Read access to the database the end-to-end server runs on, so tests look up the demo data
 * (slugs, titles) instead of hard-coding it. playwright.config.ts starts that server on the
 * embedded PostgreSQL in .data/e2e-pg (database verkstad_e2e) on a free port; PostgreSQL writes
 * the port into postmaster.pid (line 4). E2E_DATABASE_URL overrides all of this.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

function databaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const dataDir = path.resolve(process.env.VERKSTAD_E2E_DATA_DIR ?? ".data/e2e-pg");
  const dbName = process.env.VERKSTAD_E2E_DB_NAME ?? "verkstad_e2e";
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) throw new Error(`No running end-to-end database: ${pidFile} is missing`);
  const port = Number(fs.readFileSync(pidFile, "utf8").split("\n")[3]);
  if (!port) throw new Error(`No port in ${pidFile}`);
  return `postgresql://postgres:postgres@127.0.0.1:${port}/${dbName}`;
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export type DemoWorkshop = { id: string; slug: string; title: string };
export type DemoLecture = { slug: string; title: string; status: "PUBLISHED" | "CANCELLED"; workshopSlug: string };

/** Workshops a spec builds itself (calendar-admin.spec.ts) are named so; the others leave them alone. */
export const E2E_WORKSHOP_SLUG_PREFIX = "verkstad-e2e-";

/** The published demo workshop that starts first: the one the demo calendar is about. */
export async function publishedWorkshop(): Promise<DemoWorkshop> {
  const [workshop] = await query<DemoWorkshop>(
    `select id, slug, title from "Workshop" where status = 'PUBLISHED' and slug not like $1 order by "startsOn", slug limit 1`,
    [`${E2E_WORKSHOP_SLUG_PREFIX}%`],
  );
  if (!workshop) throw new Error("The demo data has no published workshop");
  return workshop;
}

/** Lectures the calendar lists now: public, of a published workshop, not yet ended. */
export async function upcomingLectures(): Promise<DemoLecture[]> {
  return query<DemoLecture>(
    `select l.slug, l.title, l.status::text as status, w.slug as "workshopSlug"
       from "Lecture" l join "Workshop" w on w.id = l."workshopId"
      where w.status = 'PUBLISHED' and l.status in ('PUBLISHED', 'CANCELLED') and l."endsAt" > now()
      order by l."startsAt", l.id`,
  );
}

/** A draft workshop's slug; the demo data is expected to hold one, and one is added if it does not. */
export async function draftWorkshopSlug(): Promise<string> {
  const [draft] = await query<{ slug: string }>(`select slug from "Workshop" where status = 'DRAFT' order by slug limit 1`);
  if (draft) return draft.slug;
  const slug = "e2e-utkast";
  await query(
    `insert into "Workshop" (id, slug, edition, title, summary, description, status, "organiserId", "startsOn", "endsOn",
       "pmDeadline", "cancellationDeadline", "packageCapacity", "packagePriceMemberOre", "packagePriceNonMemberOre", "updatedAt")
     select 'e2edraftworkshop000001', $1, 'utkast', 'Utkast som inte får synas', 'Utkast.', 'Utkast.', 'DRAFT', "organiserId",
            "startsOn", "endsOn", "pmDeadline", "cancellationDeadline", 10, 0, 0, now()
       from "Workshop" where status = 'PUBLISHED' limit 1
     on conflict (slug) do nothing`,
    [slug],
  );
  return slug;
}

/** A lecture the public must not see: a draft, or one of a workshop that is not published. */
export async function hiddenLecture(): Promise<{ slug: string; workshopSlug: string } | null> {
  const [lecture] = await query<{ slug: string; workshopSlug: string }>(
    `select l.slug, w.slug as "workshopSlug" from "Lecture" l join "Workshop" w on w.id = l."workshopId"
      where l.status = 'DRAFT' or w.status <> 'PUBLISHED' order by l.slug limit 1`,
  );
  return lecture ?? null;
}
