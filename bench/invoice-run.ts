/**
 * The admin's consolidated invoicing run at scale: invoices with UBL and PDF (issue 6).
 *
 *   npm run bench:invoices -- --organisations 300 --participants 20
 *
 * Works in a throwaway database (scripts/support/throwaway-db.ts): an embedded PostgreSQL with its
 * own data folder (.data/bench-pg), or a new database on the server of DATABASE_URL; dropped at the
 * end (--keep-db keeps it). Never the demo's data, never a real series of invoice numbers.
 *
 *   setup    through the real use cases, not timed: `organisations` organisations (every fifth a
 *            non-member), each with an orderer and `participants` participants; a workshop with
 *            consolidated invoicing and two lectures (VAT-exempt and 25 %); each orderer books their
 *            participants in orders of `--per-order` people (bookSessions) and pays them by invoice
 *            with the organisation's buyer reference (payByInvoice: confirmed, no invoice yet);
 *   run      timed: runConsolidatedInvoicing as an admin issues one invoice per organisation with
 *            its UBL (in the database, frozen); then every invoice's PDF and UBL are fetched through
 *            the download use case (getInvoiceFile), the PDF drawn from the stored document;
 *   baseline the same work without what the app adds, measured in the same run: building the same
 *            UBL and rendering the same PDFs from the issued documents with no database, plus bare
 *            inserts of the same rows (number, invoice row with its XML, its lines; one transaction
 *            per invoice) straight through pg into temporary copies of the tables.
 *
 * Figures go to stdout, progress to stderr. The last line is `invoices=N seconds=S rate=R/s`, where
 * S is the run plus the PDFs. Options: --organisations (300) --participants (20) --per-order (5)
 * --concurrency (4, setup only) --validate N (run ../shared/peppol/validate.sh on N of the UBL
 * files) --keep-db. The use cases start with `import "server-only"`, which throws outside Next.js:
 * the npm script loads scripts/support/server-only-off.mjs, which makes it an empty module (as the
 * Vitest config does).
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatOrgNumber, withCheckDigit } from "@/lib/domain/invoicing/org-number";
import type { InvoiceDocument } from "@/lib/domain/invoicing/document";
import { buildInvoiceXml } from "@/lib/peppol/ubl";
import { renderInvoicePdf } from "@/lib/pdf/invoice-pdf";
import { runConsolidatedInvoicing } from "@/lib/server/billing/consolidated-invoicing";
import { getInvoiceFile } from "@/lib/server/billing/billing-files";
import { loadInvoiceRecipientDefaults, payByInvoice, payByInvoiceInput } from "@/lib/server/billing/pay-by-invoice";
import { bookSessions, bookSessionsInput } from "@/lib/server/enrollment/book-sessions";
import { createThrowawayDb, type ThrowawayDb } from "@/scripts/support/throwaway-db";
import { createGathering, createLecture, createLecturer, createOrganiser, createUser, createVenue, createWorkshop } from "@/tests/factories";

const { values } = parseArgs({
  options: {
    organisations: { type: "string", default: "300" },
    participants: { type: "string", default: "20" },
    "per-order": { type: "string", default: "5" },
    concurrency: { type: "string", default: "4" },
    validate: { type: "string", default: "0" },
    "keep-db": { type: "boolean", default: false },
  },
});
const organisations = whole("organisations", values.organisations, 1);
const participants = whole("participants", values.participants, 1);
const perOrder = Math.min(whole("per-order", values["per-order"], 1), 30);
const concurrency = whole("concurrency", values.concurrency, 1);
const validateCount = whole("validate", values.validate, 0);

function whole(name: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min} (got ${raw})`);
    process.exit(1);
  }
  return n;
}

const say = (line: string) => console.log(line);
const progress = (line: string) => console.error(`[bench] ${line}`);
const secondsSince = (t: number) => (performance.now() - t) / 1000;
const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** Issue and due dates in 2031, as in the tests: the figures never depend on today. */
const now = new Date("2031-05-12T10:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

let scratch: ThrowawayDb | null = null;
let cleaning: Promise<void> | null = null;
function cleanUp(keep = false): Promise<void> {
  cleaning ??= (async () => {
    if (process.env.DATABASE_URL === scratch?.url) await getDb().$disconnect().catch(() => undefined);
    await scratch?.dispose({ keep });
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: dropping the bench database…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

type World = { workshopId: string; lectureIds: [string, string]; admin: SessionUser; orderers: SessionUser[]; people: string[][] };

async function main(): Promise<void> {
  const t0 = performance.now();
  scratch = await createThrowawayDb({ purpose: "bench", embeddedDataDir: ".data/bench-pg", log: progress });
  // lib/db reads DATABASE_URL on first use: every use case below works in the throwaway database.
  process.env.DATABASE_URL = scratch.url;
  say(`database: ${scratch.label} (migrated in ${fixed(secondsSince(t0))} s)`);

  const t1 = performance.now();
  const world = await createWorld();
  const orders = await placeAndPayOrders(world);
  say(
    `setup: ${organisations} organisations × ${participants} participants = ${organisations * participants} bookings in ${orders} invoice-paid orders ` +
      `(≤ ${perOrder} people each, bookSessions + payByInvoice, ${concurrency} at a time) in ${fixed(secondsSince(t1))} s`,
  );

  // ── Timed: the consolidated run, then every invoice's PDF (and its UBL) through the download use case ──
  progress(`consolidated invoicing run for ${organisations} organisations…`);
  const cpu0 = process.cpuUsage();
  const t2 = performance.now();
  const run = await runConsolidatedInvoicing(world.admin, { workshopId: world.workshopId }, at(60 * 24));
  const runSeconds = secondsSince(t2);
  const cpu1 = process.cpuUsage(cpu0);
  progress(`run done in ${fixed(runSeconds)} s; fetching ${run.invoices.length} PDFs and UBL files…`);
  const t3 = performance.now();
  let pdfBytes = 0;
  let ublBytes = 0;
  for (const [i, invoice] of run.invoices.entries()) {
    const pdf = await getInvoiceFile(world.admin, { invoiceId: invoice.id, format: "pdf", locale: "sv" }, now);
    const ubl = await getInvoiceFile(world.admin, { invoiceId: invoice.id, format: "ubl", locale: "sv" }, now);
    if (Buffer.from(pdf.body.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new Error(`${invoice.displayNumber}: not a PDF`);
    pdfBytes += pdf.body.byteLength;
    ublBytes += ubl.body.byteLength;
    if ((i + 1) % 50 === 0) progress(`  ${i + 1} of ${run.invoices.length} PDFs`);
  }
  const pdfSeconds = secondsSince(t3);
  const cpu2 = process.cpuUsage(cpu0);
  const seconds = runSeconds + pdfSeconds;
  const n = run.invoices.length;
  const rate = n / seconds;

  const check = await checkResult(world, run, orders);
  say(
    `run: ${n} invoices with UBL, ${check.lines} lines, ${run.skipped.length} skipped, in ${fixed(runSeconds, 2)} s = ${fixed(n / runSeconds)} invoices/s ` +
      `(${fixed((runSeconds * 1000) / Math.max(1, n))} ms each; this process used ${fixed(cpuSeconds(cpu1))} s CPU)`,
  );
  say(
    `pdf: ${n} PDFs (${fixed(pdfBytes / 1024 / Math.max(1, n))} KB each) and ${n} UBL files (${fixed(ublBytes / 1024 / Math.max(1, n))} KB each) ` +
      `through getInvoiceFile in ${fixed(pdfSeconds, 2)} s = ${fixed((pdfSeconds * 1000) / Math.max(1, n))} ms per invoice ` +
      `(CPU ${fixed(cpuSeconds(cpu2) - cpuSeconds(cpu1))} s)`,
  );
  say(`checks: ${check.summary}`);

  // ── Baseline, same run, same documents ──
  progress("baseline: the same UBL + PDF without the database…");
  const issued = await loadIssued(run.invoices.map((i) => i.id));
  const t4 = performance.now();
  for (const inv of issued) {
    if (buildInvoiceXml(inv.document) !== inv.ublXml) throw new Error(`${inv.displayNumber}: the UBL built again differs from the stored one`);
  }
  const ublSeconds = secondsSince(t4);
  const t5 = performance.now();
  for (const inv of issued) await renderInvoicePdf(inv.document, "sv");
  const docSeconds = ublSeconds + secondsSince(t5);
  progress("baseline: bare inserts of the same rows…");
  const insertSeconds = await bareInserts(scratch.url, issued);
  const baselineSeconds = docSeconds + insertSeconds;
  const baselineRate = n / baselineSeconds;
  say(
    `baseline: the same ${n} UBL + PDF from the issued documents without the database ${fixed(docSeconds, 2)} s (${fixed(n / docSeconds)}/s; ` +
      `UBL ${fixed((ublSeconds * 1000) / Math.max(1, n))} ms, PDF ${fixed(((docSeconds - ublSeconds) * 1000) / Math.max(1, n))} ms each); ` +
      `bare inserts of the same rows (number, invoice with XML, ${fixed(check.lines / Math.max(1, n))} lines; ${n} transactions through pg) ${fixed(insertSeconds, 2)} s ` +
      `(${fixed(n / insertSeconds)}/s); together ${fixed(baselineSeconds, 2)} s = ${fixed(baselineRate)} invoices/s`,
  );
  say(`ratio: rate/baseline = ${fixed((rate / baselineRate) * 100, 0)} % (the app takes ${fixed(seconds / baselineSeconds)}× the baseline's time)`);

  if (validateCount > 0) validateSome(issued.slice(0, validateCount));
  if (!check.ok) throw new Error(`the run did not do what it should: ${check.summary}`);
  await cleanUp(values["keep-db"]);
  say(`invoices=${n} seconds=${fixed(seconds, 2)} rate=${fixed(rate)}/s`);
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

/** Organiser, workshop, lectures, organisations and people: bulk inserts where no rule is involved. */
async function createWorld(): Promise<World> {
  const db = getDb();
  const organiser = await createOrganiser(db, { name: "FoU Bench", paymentTermsDays: 30 });
  const venueId = (await createVenue(db)).id;
  const lecturerId = (await createLecturer(db)).id;
  const seats = organisations * participants;
  const workshop = await createWorkshop(db, {
    organiserId: organiser.id,
    slug: "bench-invoicing",
    title: "Förbättringsverkstad 2031/32",
    startsOn: "2031-09-11",
    endsOn: "2032-03-18",
    pmDeadline: "2031-09-01",
    cancellationDeadline: "2031-08-31",
    followUpOn: "2032-09-16",
    packageCapacity: seats,
    consolidatedInvoicing: true,
  });
  const base = { workshopId: workshop.id, venueId };
  await createGathering(db, { ...base, date: "2031-09-11", capacity: seats });
  const exempt = await createLecture(db, { ...base, lecturerId, date: "2031-10-02", title: "Tillit och styrning", capacity: seats, priceMemberOre: 190_000, priceNonMemberOre: 240_000, vatRateBp: 0 });
  const taxed = await createLecture(db, { ...base, lecturerId, date: "2031-10-16", title: "Material och mätning", capacity: seats, priceMemberOre: 100_001, priceNonMemberOre: 120_000, vatRateBp: 2500 });
  const admin = (await loadSessionUser((await createUser(db, { roles: ["ADMIN"], email: "admin@bench.verkstad.test" })).id))!;

  const orgRows = Array.from({ length: organisations }, (_, i) => {
    const digits = withCheckDigit(`212${String(100_000 + i).padStart(6, "0")}`);
    return {
      name: `Benchkommun ${String(i + 1).padStart(4, "0")}`,
      type: i % 5 === 4 ? ("INTEREST_ORGANISATION" as const) : ("MEMBER_MUNICIPALITY" as const),
      orgNumber: formatOrgNumber(digits),
      peppolEndpoint: `0007:${digits}`,
      invoiceStreet: `Box ${100 + i}`,
      invoicePostal: "501 80",
      invoiceCity: "Borås",
      invoiceEmail: `faktura${i + 1}@bench.verkstad.test`,
    };
  });
  await db.organisation.createMany({ data: orgRows });
  const orgs = await db.organisation.findMany({ where: { name: { startsWith: "Benchkommun " } }, orderBy: { name: "asc" }, select: { id: true } });
  const email = (o: number, p: number | "orderer") => (p === "orderer" ? `bestallare.${o + 1}@bench.verkstad.test` : `deltagare.${o + 1}.${p + 1}@bench.verkstad.test`);
  const users = orgs.flatMap((org, o) => [
    { email: email(o, "orderer"), name: `Beställare ${o + 1}`, organisationId: org.id, profileCompletedAt: now },
    ...Array.from({ length: participants }, (_, p) => ({ email: email(o, p), name: `Deltagare ${o + 1}-${p + 1}`, organisationId: org.id, profileCompletedAt: now })),
  ]);
  for (let i = 0; i < users.length; i += 5_000) await db.user.createMany({ data: users.slice(i, i + 5_000) });
  const ids = new Map((await db.user.findMany({ where: { email: { endsWith: "@bench.verkstad.test" } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const roles = users.map((u) => ({ userId: ids.get(u.email)!, role: u.email.startsWith("bestallare.") ? ("ORDERER" as const) : ("PARTICIPANT" as const) }));
  for (let i = 0; i < roles.length; i += 5_000) await db.userRole.createMany({ data: roles.slice(i, i + 5_000) });
  const orderers = await Promise.all(orgs.map(async (_, o) => (await loadSessionUser(ids.get(email(o, "orderer"))!))!));
  const people = orgs.map((_, o) => Array.from({ length: participants }, (_, p) => email(o, p)));
  progress(`world: ${orgs.length} organisations, ${users.length} people, workshop with lectures at 0 % and 25 % VAT`);
  return { workshopId: workshop.id, lectureIds: [exempt.id, taxed.id], admin, orderers, people };
}

/** Each orderer books their people in orders of `perOrder` and pays each order by invoice; returns the number of orders. */
async function placeAndPayOrders(world: World): Promise<number> {
  const jobs = world.orderers.flatMap((orderer, o) => {
    const people = world.people[o]!;
    const chunks: string[][] = [];
    for (let i = 0; i < people.length; i += perOrder) chunks.push(people.slice(i, i + perOrder));
    return chunks.map((emails, k) => ({ orderer, emails, lectureId: world.lectureIds[k % 2]!, buyerReference: `Socialförvaltningen ${4000 + o}` }));
  });
  let done = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const placed = await bookSessions(
          job.orderer,
          bookSessionsInput.parse({ workshopId: world.workshopId, kind: "LECTURE", lectureIds: [job.lectureId], participantEmails: job.emails, includeSelf: false, idempotencyKey: randomUUID() }),
          at(0),
        );
        const recipient = await loadInvoiceRecipientDefaults(job.orderer, placed.orderId);
        const paid = await payByInvoice(job.orderer, payByInvoiceInput.parse({ orderId: placed.orderId, buyerReference: job.buyerReference, costCentre: "", recipient }), at(1));
        if (paid.invoiceId) throw new Error("the workshop invoices in a consolidated run, yet paying issued an invoice");
        done++;
        if (done % Math.max(1, Math.round(jobs.length / 10)) === 0) {
          const s = secondsSince(started);
          progress(`setup: ${done} of ${jobs.length} orders placed and paid by invoice (${fixed(s)} s, ${fixed(done / s)} orders/s)`);
        }
      }
    }),
  );
  return jobs.length;
}

async function checkResult(world: World, run: Awaited<ReturnType<typeof runConsolidatedInvoicing>>, orders: number) {
  const db = getDb();
  const invoices = await db.invoice.findMany({
    select: { number: true, totalExclVatOre: true, totalVatOre: true, _count: { select: { lines: true } } },
    orderBy: { number: "asc" },
  });
  const lines = invoices.reduce((sum, i) => sum + i._count.lines, 0);
  const invoicedExcl = invoices.reduce((sum, i) => sum + i.totalExclVatOre, 0);
  const invoicedVat = invoices.reduce((sum, i) => sum + i.totalVatOre, 0);
  const ordered = await db.order.aggregate({ where: { workshopId: world.workshopId, status: "INVOICED" }, _sum: { totalExclVatOre: true, totalVatOre: true }, _count: true });
  const orderedExcl = ordered._sum.totalExclVatOre ?? 0;
  const orderedVat = ordered._sum.totalVatOre ?? 0;
  // An order rounds VAT per line; an invoice per VAT rate over all its lines (BR-CO-17): at most half an öre per line apart.
  const vatDelta = invoicedVat - orderedVat;
  const kr = (ore: number) => fixed(ore / 100, 2);
  const results = [
    [`${invoices.length} invoices = ${organisations} organisations`, invoices.length === organisations && run.invoices.length === organisations],
    [`0 skipped (${run.skipped.length})`, run.skipped.length === 0],
    [`${participants} lines on every invoice`, invoices.every((i) => i._count.lines === participants)],
    [`numbers 1…${invoices.length} without gaps`, invoices.every((inv, i) => inv.number === i + 1)],
    [`${ordered._count} of ${orders} orders INVOICED`, ordered._count === orders],
    [`invoiced excl. VAT ${kr(invoicedExcl)} kr = ordered ${kr(orderedExcl)} kr`, invoicedExcl === orderedExcl],
    [`VAT ${kr(invoicedVat)} kr invoiced (per rate) vs ${kr(orderedVat)} kr ordered (per line): ${vatDelta} öre apart, within rounding`, Math.abs(vatDelta) <= lines / 2],
  ] as const;
  return { ok: results.every(([, ok]) => ok), lines, summary: results.map(([label, ok]) => `${ok ? "ok" : "FAILED"} ${label}`).join("; ") };
}

type Issued = {
  id: string;
  displayNumber: string;
  ublXml: string;
  document: InvoiceDocument;
  row: Record<string, unknown>;
  lines: Record<string, unknown>[];
};

async function loadIssued(ids: string[]): Promise<Issued[]> {
  const db = getDb();
  const rows = await db.invoice.findMany({ where: { id: { in: ids } }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { number: "asc" } });
  return rows.map(({ lines, ...row }) => ({
    id: row.id,
    displayNumber: row.displayNumber,
    ublXml: row.ublXml,
    document: row.document as unknown as InvoiceDocument,
    row,
    lines,
  }));
}

/**
 * What issuing writes, without the app: per invoice one transaction that takes the next number and
 * inserts the invoice row (XML, document, snapshots) and its line rows, into temporary copies of the
 * tables (same columns, defaults, indexes and checks; no foreign keys, no triggers).
 */
async function bareInserts(url: string, issued: Issued[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create temp table b_series (like "NumberSeries" including all)`);
    await client.query(`create temp table b_invoice (like "Invoice" including all)`);
    await client.query(`create temp table b_line (like "InvoiceLine" including all)`);
    await client.query(`insert into b_series ("code", "prefix", "nextValue") values ('B', 'B-', 1)`);
    const invoiceColumns = ["id", "series", "number", "displayNumber", "organisationId", "workshopId", "buyerReference", "costCentre", "issueDate", "dueDate", "currency", "totalExclVatOre", "totalVatOre", "totalInclVatOre", "sellerSnapshot", "buyerSnapshot", "ublXml", "document"];
    const lineColumns = ["id", "invoiceId", "orderLineId", "position", "description", "quantity", "unitPriceOre", "vatRateBp", "lineExclVatOre", "vatOre"];
    const quoted = (cols: string[]) => cols.map((c) => `"${c}"`).join(", ");
    const placeholders = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => `$${offset + i + 1}`).join(", ");
    const value = (v: unknown) => (v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v);
    const started = performance.now();
    for (const inv of issued) {
      await client.query("begin");
      const taken = await client.query<{ n: number }>(`update b_series set "nextValue" = "nextValue" + 1 where "code" = 'B' returning "nextValue" - 1 as n`);
      const number = taken.rows[0]!.n;
      const id = `b${inv.id}`;
      const row: Record<string, unknown> = { ...inv.row, id, series: "B", number, displayNumber: `B-${number}` };
      await client.query(`insert into b_invoice (${quoted(invoiceColumns)}) values (${placeholders(invoiceColumns.length)})`, invoiceColumns.map((c) => value(row[c])));
      const params = inv.lines.flatMap((l) => lineColumns.map((c) => (c === "id" ? `b${String(l.id)}` : c === "invoiceId" ? id : value(l[c]))));
      const tuples = inv.lines.map((_, i) => `(${placeholders(lineColumns.length, i * lineColumns.length)})`).join(", ");
      if (inv.lines.length > 0) await client.query(`insert into b_line (${quoted(lineColumns)}) values ${tuples}`, params);
      await client.query("commit");
    }
    return secondsSince(started);
  } finally {
    await client.end();
  }
}

function validateSome(issued: Issued[]): void {
  const validator = path.resolve(import.meta.dirname, "../../shared/peppol/validate.sh");
  if (!existsSync(validator)) {
    say(`peppol: ${validator} not found; not validated`);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "verkstad-bench-ubl-"));
  try {
    const files = issued.map((inv) => {
      const file = path.join(dir, `${inv.displayNumber}.xml`);
      writeFileSync(file, inv.ublXml);
      return file;
    });
    const r = spawnSync("bash", [validator, "-q", ...files], { encoding: "utf8" });
    const verdicts = `${r.stdout}${r.stderr}`.split("\n").filter((l) => l.startsWith("RESULT") || l.startsWith("FATAL"));
    say(`peppol: ${verdicts.map((l) => l.replace(`${dir}/`, "")).join("; ") || `validator exited ${r.status}`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await cleanUp();
    process.exit(1);
  },
);
