/**
 * Issue 8 end to end: an admin builds a workshop with two lectures in draft, previews it and
 * publishes it; the public calendar shows it; an orderer books a lecture and pays by invoice; the
 * admin moves that lecture and the booked person's captured e-mail has the change; a coordinator
 * records attendance; the Excel export of the session opens and has the row. axe on every page, in
 * Swedish and English.
 *
 * The dates are relative to today (Stockholm), so the calendar's three-month window shows them:
 * the workshop starts today (its deadlines were yesterday), lecture A is in two weeks, lecture B in
 * three weeks until the admin moves it to today, when attendance can be recorded.
 */
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { expect, test, type Page } from "@playwright/test";
import { demoSignIn, signOut } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { E2E_WORKSHOP_SLUG_PREFIX, query } from "./support/database";
import { capturedMail } from "./support/mail";

test.describe.configure({ mode: "serial" });

const MARIA = { name: "Maria Lind", email: "admin@verkstad.test" };
const KARIN = { name: "Karin Sjöberg", email: "chef.boras@verkstad.test" };
const ANGELA = { name: "Angela Berg", email: "samordnare@verkstad.test" };

/** "YYYY-MM-DD" in Stockholm, `days` from today. */
function stockholmDay(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

const run = Date.now().toString(36);
const TITLE = `Förbättringsverkstad E2E ${run}`;
const SLUG = `${E2E_WORKSHOP_SLUG_PREFIX}${run}`;
const LECTURE_A = `Att mäta väntetider ${run}`;
const LECTURE_B = `Brukarens röst ${run}`;

let workshopId = "";
let lectureBId = "";

async function fillLecture(page: Page, lecture: { title: string; theme: string; date: string; from: string; to: string }) {
  await page.getByLabel("Rubrik", { exact: true }).fill(lecture.title);
  await page.getByLabel("Tema", { exact: true }).fill(lecture.theme);
  await page.getByLabel("Föreläsare", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Plats", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Datum", { exact: true }).fill(lecture.date);
  await page.getByLabel("Starttid", { exact: true }).fill(lecture.from);
  await page.getByLabel("Sluttid", { exact: true }).fill(lecture.to);
  await page.getByLabel("Antal platser", { exact: true }).fill("30");
  await page.getByLabel("Pris för medlemmar (kronor)").fill("1 900");
  await page.getByLabel("Pris för övriga (kronor)").fill("2 400");
}

test("an admin creates a workshop with two lectures in draft, previews it and publishes it; the calendar then shows it", async ({ page }) => {
  await demoSignIn(page, MARIA.name);
  await page.goto("/admin/kalender");
  await expect(page.getByRole("heading", { level: 1, name: "Kalender" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Ny verkstad" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny verkstad" })).toBeVisible();
  await page.getByLabel("Rubrik", { exact: true }).fill(TITLE);
  await page.getByLabel("Omgång", { exact: true }).fill("2026/27");
  await page.getByLabel("Adressnamn", { exact: true }).fill(SLUG);
  await page.getByLabel("Kort sammanfattning", { exact: true }).fill("Ett halvår av lärande i förbättringsarbete, för test.");
  await page.getByLabel("Beskrivning", { exact: true }).fill("Samlingar och föreläsningar om förbättringsarbete.");
  // The demo has one organiser, already chosen; otherwise the first.
  const organiser = page.getByLabel("Arrangör", { exact: true });
  if (!(await organiser.inputValue())) await organiser.selectOption({ index: 1 });
  await page.getByLabel("Första dagen", { exact: true }).fill(stockholmDay(0));
  await page.getByLabel("Sista dagen", { exact: true }).fill(stockholmDay(60));
  await page.getByLabel("Sista dag för projekt-PM", { exact: true }).fill(stockholmDay(-1));
  await page.getByLabel("Sista dag att avboka själv", { exact: true }).fill(stockholmDay(-1));
  await page.getByLabel("Pris för medlemskommuner", { exact: true }).fill("12 000");
  await page.getByLabel("Pris för andra", { exact: true }).fill("16 000");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Skapa verkstaden" }).click();

  // The new workshop's own page: a draft.
  await expect(page).toHaveURL(/\/admin\/kalender\/[a-z0-9]+$/);
  workshopId = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expect(page.getByText("Syns inte för deltagarna.", { exact: false })).toBeVisible();

  // Two lectures, each saved as a draft.
  for (const lecture of [
    { title: LECTURE_A, theme: "Mätning", date: stockholmDay(14), from: "09:00", to: "12:00" },
    { title: LECTURE_B, theme: "Brukarmedverkan", date: stockholmDay(21), from: "13:00", to: "16:00" },
  ]) {
    await page.goto(`/admin/kalender/${workshopId}`);
    await page.getByRole("link", { name: "Ny föreläsning" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ny föreläsning" })).toBeVisible();
    await fillLecture(page, lecture);
    await page.getByRole("button", { name: "Spara som utkast" }).click();
    await expect(page).toHaveURL(/\/forelasning\/[a-z0-9]+$/);
    if (lecture.title === LECTURE_B) lectureBId = page.url().split("/").at(-1)!;
  }
  await expectNoAxeViolations(page);

  // Drafts never leak: not by the workshop's address, not in its feed, not in the calendar.
  await signOut(page);
  expect((await page.request.get(`/verkstad/${SLUG}`)).status()).toBe(404);
  expect((await page.request.get(`/api/calendar/workshops/${SLUG}`)).status()).toBe(404);
  await page.goto("/");
  await expect(page.getByRole("link", { name: TITLE, exact: true })).toHaveCount(0);

  // The preview shows the public page as it will look, both lectures included.
  await demoSignIn(page, MARIA.name);
  await page.goto(`/admin/kalender/${workshopId}`);
  await page.getByRole("link", { name: "Förhandsvisa sidan som deltagarna kommer att se" }).click();
  await expect(page.getByText("Förhandsvisning – inte publicerad")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(LECTURE_A)).toBeVisible();
  await expect(page.getByText(LECTURE_B)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/en/admin/calendar/${workshopId}/preview`);
  await expect(page.getByText(LECTURE_B)).toBeVisible();
  await expectNoAxeViolations(page);

  // Publish, with its confirmation.
  await page.goto(`/admin/kalender/${workshopId}`);
  await page.getByRole("button", { name: "Publicera verkstaden …" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Ja, publicera" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Syns i kalendariet." })).toBeVisible();
  const audited = await query<{ n: number }>(`select count(*)::int as n from "AuditEvent" where "entityId" = $1 and action = 'workshop.published'`, [workshopId]);
  expect(audited[0]?.n).toBe(1);
  await page.goto(`/en/admin/calendar/${workshopId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expectNoAxeViolations(page);

  // Public now: the calendar, the workshop page and its feed.
  await signOut(page);
  await page.goto("/");
  // In the list of workshops, and beside each of its sessions.
  await expect(page.getByRole("link", { name: TITLE, exact: true }).first()).toHaveAttribute("href", `/verkstad/${SLUG}`);
  await expect(page.getByRole("link", { name: LECTURE_A, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: LECTURE_B, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await page.request.get(`/verkstad/${SLUG}`)).status()).toBe(200);
  const feed = await page.request.get(`/api/calendar/workshops/${SLUG}`);
  expect(feed.status()).toBe(200);
  const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  expect(events.map((e) => e.summary).sort()).toEqual([LECTURE_A, LECTURE_B].sort());
  expect(events.every((e) => /^lecture-[a-z0-9]+@verkstad$/.test(e.uid))).toBe(true);
});

test("an orderer books lecture B and pays by invoice; the admin moves it and her captured e-mail has the change", async ({ page }) => {
  expect(lectureBId, "the first test made lecture B").not.toBe("");
  await demoSignIn(page, KARIN.name);
  await page.goto(`/verkstad/${SLUG}/boka`);
  await page.getByRole("radio", { name: "En eller flera föreläsningar" }).check();
  await page.getByRole("checkbox", { name: LECTURE_B, exact: true }).check();
  await page.getByRole("button", { name: "Boka", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Tack! Vi har tagit emot bokningen" })).toBeVisible();
  await page.getByRole("link", { name: "Gå till betalning" }).click();
  const form = page.getByRole("region", { name: "Betala mot faktura till arbetsgivaren" });
  await form.getByLabel("Er referens").fill("E2E-KALENDER");
  await form.getByRole("button", { name: "Beställ mot faktura" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveAttribute("data-outcome", "invoiced");
  await signOut(page);

  // The admin moves lecture B to today, in the afternoon.
  const movedAt = new Date();
  await demoSignIn(page, MARIA.name);
  await page.goto(`/admin/kalender/${workshopId}/forelasning/${lectureBId}`);
  await expect(page.getByText("Om du ändrar tid eller plats får alla som har bokat", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Datum", { exact: true }).fill(stockholmDay(0));
  await page.getByLabel("Starttid", { exact: true }).fill("00:05");
  await page.getByLabel("Sluttid", { exact: true }).fill("23:55");
  await page.getByRole("button", { name: "Spara ändringarna" }).click();
  await expect(page.getByText(/Ändringarna är sparade\. 1 personer får besked/)).toBeVisible();
  await page.goto(`/en/admin/calendar/${workshopId}/lecture/${lectureBId}`);
  await expectNoAxeViolations(page);

  // Karin's e-mail says what changed, and its calendar file replaces the old event.
  const mail = await capturedMail(page, KARIN.email, { subject: `Ny tid: ${LECTURE_B}`, since: movedAt });
  await expect(mail).toContainText("Ny tid:");
  await expect(mail).toContainText("Tidigare:");
  await expect(mail).toContainText("00.05");
  const [sequence] = await query<{ sequence: number }>(`select sequence from "Lecture" where id = $1`, [lectureBId]);
  expect(sequence?.sequence).toBe(1);

  // Her bookings page tells her too.
  await signOut(page);
  await demoSignIn(page, KARIN.name);
  await page.goto("/mina-bokningar");
  await expect(page.getByRole("status").filter({ hasText: LECTURE_B }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a coordinator records attendance on the moved lecture, and its Excel export has the row", async ({ page }) => {
  await demoSignIn(page, ANGELA.name);
  await page.goto("/samordning/narvaro");
  await expect(page.getByRole("heading", { level: 1, name: "Närvaro" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: LECTURE_B }).first().click();
  await expect(page).toHaveURL(new RegExp(`/samordning/narvaro/l-${lectureBId}$`));
  await page.getByRole("group", { name: `Närvaro för ${KARIN.name}` }).getByLabel("Närvarande").check();
  await page.getByRole("button", { name: "Spara närvaro" }).click();
  await expect(page.getByText("Närvaron är sparad.", { exact: false })).toBeVisible();
  const [mark] = await query<{ present: boolean }>(
    `select a.present from "Attendance" a join "User" u on u.id = a."participantId" where u.email = $1 and a."sessionKey" = $2`,
    [KARIN.email, `L:${lectureBId}`],
  );
  expect(mark?.present).toBe(true);
  await expectNoAxeViolations(page);

  // The Excel file of the session opens and has Karin, present.
  const href = await page.getByRole("link", { name: /Excel/ }).first().getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  expect(rows[0]).toContain("Namn");
  const karin = rows.find((r) => r.includes(KARIN.name));
  expect(karin, "Karin's row").toBeDefined();
  expect(karin).toContain("Närvarande");
  expect(rows).toHaveLength(2);

  await page.goto(`/en/coordination/attendance/l-${lectureBId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/en/coordination/organisations");
  await expectNoAxeViolations(page);
});

test("the admin cancels lecture A after confirming; the calendar then shows it as cancelled", async ({ page }) => {
  await demoSignIn(page, MARIA.name);
  await page.goto(`/admin/kalender/${workshopId}`);
  await page.getByRole("link", { name: new RegExp(`^${LECTURE_A}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: LECTURE_A })).toBeVisible();
  // Nothing happens until the second button: the first only shows what will happen.
  await page.getByRole("button", { name: "Ställ in tillfället …" }).click();
  await expect(page.getByText("Om du ställer in föreläsningen får alla som berörs ett mejl", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Anteckning (frivilligt)").fill("Föreläsaren är sjuk.");
  await page.getByRole("button", { name: "Ja, ställ in" }).click();
  await expect(page.getByText("Tillfället är inställt och kan inte ändras längre.")).toBeVisible();
  const [lecture] = await query<{ status: string }>(`select status::text as status from "Lecture" where title = $1`, [LECTURE_A]);
  expect(lecture?.status).toBe("CANCELLED");

  await signOut(page);
  await page.goto("/");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: LECTURE_A }) });
  await expect(item).toContainText("Inställd");
});
