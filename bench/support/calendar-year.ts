import pg from "pg";

export type CalendarYear = {
  sessions: number;
  published: number;
  cancelled: number;
  full: number;
  participants: number;
  bookings: number;
  /** Titles that must appear on the public calendar's front page (published, in the coming three months). */
  checkTitles: string[];
  /** A session near the end of the year: not on the front page, but on its month's page. */
  later: { title: string; startsAt: Date };
  /** A title that must never appear (a draft workshop's lecture). */
  draftTitle: string;
};

/**
 * A year of calendar in one go, straight in SQL (set-based INSERT … SELECT over generate_series,
 * a few seconds for everything): one organiser, 6 venues, 16 lecturers, two published workshops
 * with 200 public sessions between them (24 gatherings and 176 lectures spread over the next 12
 * months; every 25th cancelled), a draft workshop with 10 lectures that must never show, and
 * `participants` participants with three lecture bookings each, spread over the lectures. Seats
 * taken are the bookings counted; every 10th lecture is exactly full.
 */
export async function createCalendarYear(databaseUrl: string, options: { participants: number; now: Date }): Promise<CalendarYear> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const now = options.now.toISOString();
  try {
    await client.query("begin");
    await client.query(
      `insert into "Organiser" (id, name, "orgNumber", "vatNumber", bankgiro, email, phone, "streetAddress", "postalCode", city, "updatedAt")
       values ('bench-org', 'FoU Bänkenheten', '212000-0142', 'SE212000014201', '5050-1055', 'fou@bench.verkstad.test', '08-123 456 00', 'Storgatan 1', '111 22', 'Stockholm', $1)`,
      [now],
    );
    await client.query(
      `insert into "Venue" (id, name, "streetAddress", "postalCode", city, "updatedAt")
       select 'bench-venue-' || i, 'Lokal ' || i, 'Gatan ' || i, '111 2' || i, (array['Stockholm','Uppsala','Göteborg','Malmö','Örebro','Umeå'])[i], $1
         from generate_series(1, 6) i`,
      [now],
    );
    await client.query(
      `insert into "Lecturer" (id, name, affiliation, "updatedAt")
       select 'bench-lecturer-' || i, 'Föreläsare ' || i, case when i % 3 = 0 then null else 'Högskola ' || (i % 5) end, $1
         from generate_series(1, 16) i`,
      [now],
    );
    // Two published workshops of half a year each, and a draft one.
    await client.query(
      `insert into "Workshop" (id, slug, edition, title, summary, description, status, "organiserId", "startsOn", "endsOn", "pmDeadline",
                               "cancellationDeadline", "packageCapacity", "packagePriceMemberOre", "packagePriceNonMemberOre", "publishedAt", "updatedAt")
       select 'bench-ws-' || w, 'bench-' || w, 'HT' || w, t.title, 'Ett halvår av föreläsningar och samlingar (' || w || ').', 'Beskrivning.',
              t.status::"WorkshopStatus", 'bench-org',
              ($1::date + (w - 1) * 182), ($1::date + w * 182), ($1::date + (w - 1) * 182 - 14), ($1::date + (w - 1) * 182 - 7),
              60, 1200000, 1500000, case when t.status = 'PUBLISHED' then $2::timestamptz end, $2::timestamptz
         from (values (1, 'Verkstad för utvecklingsarbete', 'PUBLISHED'), (2, 'Verkstad för forskningscirklar', 'PUBLISHED'), (3, 'Utkast: ny verkstad', 'DRAFT')) as t(w, title, status)`,
      [now.slice(0, 10), now],
    );
    // 12 gatherings per published workshop, every ~15 days through its half year.
    await client.query(
      `insert into "Gathering" (id, "workshopId", number, title, "startsAt", "endsAt", "venueId", capacity, "seatsTaken", status, "updatedAt")
       select 'bench-g-' || w || '-' || n, 'bench-ws-' || w, n, 'Samling ' || n || ' i verkstad ' || w,
              $1::timestamptz + make_interval(days => (w - 1) * 182 + n * 15 - 10, hours => 1),
              $1::timestamptz + make_interval(days => (w - 1) * 182 + n * 15 - 10, hours => 7),
              'bench-venue-' || (1 + n % 6), 60, 0,
              (case when n % 25 = 0 then 'CANCELLED' else 'PUBLISHED' end)::"SessionStatus", $1::timestamptz
         from generate_series(1, 2) w, generate_series(1, 12) n`,
      [now],
    );
    // 88 lectures per published workshop, about one every other day; every 25th cancelled.
    await client.query(
      `insert into "Lecture" (id, "workshopId", slug, title, theme, "lecturerId", "venueId", "startsAt", "endsAt", capacity, "seatsTaken",
                              "priceMemberOre", "priceNonMemberOre", "vatRateBp", status, "updatedAt")
       select 'bench-l-' || w || '-' || lpad(n::text, 3, '0'), 'bench-ws-' || w, 'forelasning-' || n,
              'Föreläsning ' || n || ': samverkan i praktiken (' || w || ')', 'Tema ' || (n % 7),
              'bench-lecturer-' || (1 + n % 16), 'bench-venue-' || (1 + n % 6),
              $1::timestamptz + make_interval(days => (w - 1) * 182 + n * 2, hours => 7 + n % 3),
              $1::timestamptz + make_interval(days => (w - 1) * 182 + n * 2, hours => 10 + n % 3),
              200, 0, 95000, 120000, case when n % 4 = 0 then 2500 else 0 end,
              (case when n % 25 = 0 then 'CANCELLED' else 'PUBLISHED' end)::"SessionStatus", $1::timestamptz
         from generate_series(1, 2) w, generate_series(1, 88) n`,
      [now],
    );
    await client.query(
      `insert into "Lecture" (id, "workshopId", slug, title, theme, "lecturerId", "venueId", "startsAt", "endsAt", capacity, "priceMemberOre", "priceNonMemberOre", status, "updatedAt")
       select 'bench-l-3-' || n, 'bench-ws-3', 'utkast-' || n, 'Hemligt utkast ' || n, 'Utkast', 'bench-lecturer-1', 'bench-venue-1',
              $1::timestamptz + make_interval(days => n * 3), $1::timestamptz + make_interval(days => n * 3, hours => 2), 30, 0, 0, 'DRAFT', $1::timestamptz
         from generate_series(1, 10) n`,
      [now],
    );
    await client.query(
      `insert into "User" (id, email, name, "profileCompletedAt", "updatedAt")
       select 'bench-u-' || i, 'deltagare' || i || '@bench.verkstad.test', 'Deltagare ' || i, $1::timestamptz, $1::timestamptz
         from generate_series(1, $2::int) i`,
      [now, options.participants],
    );
    // Three lecture bookings per participant, on lectures 53 apart (so never the same one twice).
    await client.query(
      `with lectures as (
         select id, "workshopId", row_number() over (order by id) - 1 as k, count(*) over () as total
           from "Lecture" where status = 'PUBLISHED' and "workshopId" <> 'bench-ws-3')
       insert into "Booking" (id, kind, "workshopId", "lectureId", "participantId", "bookedById", status, "activeSessionKey", "confirmedAt", "updatedAt")
       select 'bench-b-' || i || '-' || j, 'LECTURE', l."workshopId", l.id, 'bench-u-' || i, 'bench-u-' || i, 'CONFIRMED', 'L:' || l.id, $1::timestamptz, $1::timestamptz
         from generate_series(1, $2::int) i
         cross join generate_series(0, 2) j
         join lectures l on l.k = (i + j * 53) % l.total`,
      [now, options.participants],
    );
    await client.query(
      `update "Lecture" l set "seatsTaken" = c.n, capacity = case when right(l.slug, 1) = '0' then c.n else greatest(l.capacity, c.n + 20) end
         from (select "lectureId", count(*)::int as n from "Booking" where "activeSessionKey" is not null group by "lectureId") c
        where c."lectureId" = l.id`,
    );
    await client.query("commit");
    const counts = await client.query<{ published: number; cancelled: number; full: number; bookings: number; laterStartsAt: Date }>(
      `select (select count(*)::int from "Lecture" where status = 'PUBLISHED' and "workshopId" <> 'bench-ws-3')
            + (select count(*)::int from "Gathering" where status = 'PUBLISHED') as published,
              (select count(*)::int from "Lecture" where status = 'CANCELLED') + (select count(*)::int from "Gathering" where status = 'CANCELLED') as cancelled,
              (select count(*)::int from "Lecture" where status = 'PUBLISHED' and "seatsTaken" >= capacity) as full,
              (select count(*)::int from "Booking") as bookings,
              (select "startsAt" from "Gathering" where id = 'bench-g-2-12') as "laterStartsAt"`,
    );
    const row = counts.rows[0]!;
    return {
      sessions: row.published + row.cancelled,
      published: row.published,
      cancelled: row.cancelled,
      full: row.full,
      participants: options.participants,
      bookings: row.bookings,
      checkTitles: ["Föreläsning 1: samverkan i praktiken (1)", "Samling 1 i verkstad 1"],
      later: { title: "Samling 12 i verkstad 2", startsAt: row.laterStartsAt },
      draftTitle: "Hemligt utkast",
    };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
