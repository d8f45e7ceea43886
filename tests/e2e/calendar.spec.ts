import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  draftWorkshopSlug,
  hiddenLecture,
  publishedWorkshop,
  query,
  type DemoLecture,
  type DemoWorkshop,
} from "./support/database";
import { addMonths, frontPageMonths } from "@/lib/domain/calendar";
import { formatMonth, stockholmMonthKey } from "@/lib/domain/time";

/** Where next start keeps the pages it rendered at run time (scripts/support/page-cache.mjs). */
const PAGE_CACHE = path.resolve(import.meta.dirname, "../../.next/server/route-cache");

/*
 * The calendar's front page ("/", "/en") lists the coming three months (the current Stockholm
 * month and the next two); later months have a page each (/kalendarium/YYYY-MM,
 * /en/calendar/YYYY-MM), linked from "Senare månader" on the front page and to each other.
 */

type CalendarLecture = DemoLecture & { month: string };

let workshop: DemoWorkshop;
/** The demo workshop's lectures the calendar lists now (public, not yet ended), with their Stockholm month. */
let lectures: CalendarLecture[];
/** Those on the front page, and those on a month page of their own. */
let frontLectures: CalendarLecture[];
let laterLectures: CalendarLecture[];

test.beforeAll(async () => {
  workshop = await publishedWorkshop();
  const rows = await query<DemoLecture & { startsAt: Date }>(
    `select l.slug, l.title, l.status::text as status, w.slug as "workshopSlug", l."startsAt" as "startsAt"
       from "Lecture" l join "Workshop" w on w.id = l."workshopId"
      where w.id = $1 and l.status in ('PUBLISHED', 'CANCELLED') and l."endsAt" > now()
      order by l."startsAt", l.id`,
    [workshop.id],
  );
  lectures = rows.map(({ startsAt, ...l }) => ({ ...l, month: stockholmMonthKey(new Date(startsAt)) }));
  const window = frontPageMonths(new Date());
  const lastFrontMonth = window[window.length - 1]!;
  frontLectures = lectures.filter((l) => l.month <= lastFrontMonth);
  laterLectures = lectures.filter((l) => l.month > lastFrontMonth);
});

/** The Swedish page that lists a lecture: "/" for the coming three months, otherwise its month's page. */
function calendarPageOf(lecture: CalendarLecture): string {
  return frontLectures.includes(lecture) ? "/" : `/kalendarium/${lecture.month}`;
}

function bookableLecture(): CalendarLecture {
  // One on the front page if there is one, else the first on a month page.
  const lecture = [...frontLectures, ...laterLectures].find((l) => l.status === "PUBLISHED");
  if (!lecture) throw new Error("The demo data has no upcoming published lecture");
  return lecture;
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i");

async function expectLandmarks(page: Page) {
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
}

test.describe("the calendar", () => {
  test("in Swedish lists the published workshop and its lectures of the coming three months", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page).toHaveTitle(/Kalendarium/);
    await expect(page.getByRole("heading", { level: 1, name: "Kalendarium" })).toBeVisible();
    await expectLandmarks(page);
    // The first link to it is in the list of workshops; with more than one workshop, each session names its own too.
    await expect(page.getByRole("link", { name: workshop.title, exact: true }).first()).toHaveAttribute("href", `/verkstad/${workshop.slug}`);
    expect(lectures.length).toBeGreaterThan(0);
    for (const lecture of frontLectures) {
      await expect(page.getByRole("link", { name: lecture.title, exact: true })).toHaveAttribute(
        "href",
        `/verkstad/${workshop.slug}/forelasning/${lecture.slug}`,
      );
    }
    // Later lectures are not on the front page, but their months are linked under "Senare månader".
    const later = page.getByRole("navigation", { name: "Senare månader" });
    await expect(later.getByRole("heading", { level: 2, name: "Senare månader" })).toBeVisible();
    for (const lecture of laterLectures) {
      await expect(page.getByRole("main").getByRole("link", { name: lecture.title, exact: true })).toHaveCount(0);
      await expect(later.getByRole("link", { name: exactly(formatMonth(lecture.month, "sv")) })).toHaveAttribute("href", `/kalendarium/${lecture.month}`);
    }
    // Every session line says when, with a machine-readable instant.
    if (frontLectures.length > 0) await expect(page.locator("main li time[datetime]").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("in English lists the same, with English addresses", async ({ page }) => {
    const response = await page.goto("/en");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
    await expectLandmarks(page);
    await expect(page.getByRole("link", { name: workshop.title, exact: true }).first()).toHaveAttribute("href", `/en/workshop/${workshop.slug}`);
    for (const lecture of frontLectures) {
      await expect(page.getByRole("link", { name: lecture.title, exact: true })).toHaveAttribute(
        "href",
        `/en/workshop/${workshop.slug}/lecture/${lecture.slug}`,
      );
    }
    const later = page.getByRole("navigation", { name: "Later months" });
    for (const lecture of laterLectures) {
      await expect(page.getByRole("main").getByRole("link", { name: lecture.title, exact: true })).toHaveCount(0);
      await expect(later.getByRole("link", { name: exactly(formatMonth(lecture.month, "en")) })).toHaveAttribute("href", `/en/calendar/${lecture.month}`);
    }
    await expectNoAxeViolations(page);
  });

  test("lists every later lecture on its month's page", async ({ page }) => {
    test.skip(laterLectures.length === 0, "all upcoming demo lectures are within the coming three months");
    for (const month of [...new Set(laterLectures.map((l) => l.month))]) {
      const response = await page.goto(`/kalendarium/${month}`);
      expect(response?.status(), month).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: `Kalendarium ${formatMonth(month, "sv")}` })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`Kalendarium ${formatMonth(month, "sv")}`));
      for (const lecture of laterLectures.filter((l) => l.month === month)) {
        // A lecture is a level-2 heading on its month's page (the h1 names the month).
        await expect(page.getByRole("heading", { level: 2, name: lecture.title, exact: true }).getByRole("link")).toHaveAttribute(
          "href",
          `/verkstad/${workshop.slug}/forelasning/${lecture.slug}`,
        );
      }
      // Lectures of other months are not on this page.
      for (const other of lectures.filter((l) => l.month !== month)) {
        await expect(page.getByRole("main").getByRole("link", { name: other.title, exact: true })).toHaveCount(0);
      }
    }
    await expectLandmarks(page);
    await expectNoAxeViolations(page);
  });

  test("goes from the front page to a later month, between months, and back", async ({ page }) => {
    test.skip(laterLectures.length === 0, "all upcoming demo lectures are within the coming three months");
    const lecture = laterLectures[0]!;
    const month = lecture.month;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Senare månader" }).getByRole("link", { name: exactly(formatMonth(month, "sv")) }).click();
    await expect(page).toHaveURL(`/kalendarium/${month}`);
    await expect(page.getByRole("link", { name: lecture.title, exact: true })).toBeVisible();
    // A month page is the calendar too: the main menu says so.
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kalendarium" })).toHaveAttribute("aria-current", "page");

    const months = page.getByRole("navigation", { name: "Bläddra mellan månader" });
    const next = addMonths(month, 1);
    const previous = addMonths(month, -1);
    await months.getByRole("link", { name: `Nästa månad: ${formatMonth(next, "sv")}` }).click();
    await expect(page).toHaveURL(`/kalendarium/${next}`);
    await expect(page.getByRole("heading", { level: 1, name: `Kalendarium ${formatMonth(next, "sv")}` })).toBeVisible();
    await months.getByRole("link", { name: `Föregående månad: ${formatMonth(month, "sv")}` }).click();
    await expect(page).toHaveURL(`/kalendarium/${month}`);
    // Later lectures are at least three months ahead, so the month before has a page too.
    await expect(months.getByRole("link", { name: `Föregående månad: ${formatMonth(previous, "sv")}` })).toHaveAttribute(
      "href",
      `/kalendarium/${previous}`,
    );
    await months.getByRole("link", { name: "Tillbaka till kalendariet" }).click();
    await expect(page).toHaveURL("/");
  });

  test("a month page in English, and its language switch", async ({ page }) => {
    const month = laterLectures[0]?.month ?? addMonths(frontPageMonths(new Date())[0]!, 3);
    const response = await page.goto(`/en/calendar/${month}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: `Calendar ${formatMonth(month, "en")}` })).toBeVisible();
    const months = page.getByRole("navigation", { name: "Browse the months" });
    await expect(months.getByRole("link", { name: `Next month: ${formatMonth(addMonths(month, 1), "en")}` })).toHaveAttribute(
      "href",
      `/en/calendar/${addMonths(month, 1)}`,
    );
    await expect(months.getByRole("link", { name: "Back to the calendar" })).toHaveAttribute("href", "/en");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "På svenska" }).click();
    await expect(page).toHaveURL(`/kalendarium/${month}`);
  });

  test("the current month's page has no previous month; a month with nothing coming says so", async ({ page }) => {
    const current = frontPageMonths(new Date())[0]!;
    await page.goto(`/kalendarium/${current}`);
    const months = page.getByRole("navigation", { name: "Bläddra mellan månader" });
    await expect(months.getByRole("link", { name: /^Föregående månad/ })).toHaveCount(0);
    await expect(months.getByRole("link", { name: `Nästa månad: ${formatMonth(addMonths(current, 1), "sv")}` })).toBeVisible();

    // The last month with a page, 23 months ahead: the demo data has nothing that far off.
    const last = addMonths(current, 23);
    expect((await page.goto(`/kalendarium/${last}`))?.status()).toBe(200);
    await expect(page.getByText("Det finns inga kommande samlingar eller föreläsningar den här månaden.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Bläddra mellan månader" }).getByRole("link", { name: /^Nästa månad/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a month that is not one, past or too far off is not found", async ({ page }) => {
    const current = frontPageMonths(new Date())[0]!;
    for (const path of [
      "/kalendarium/2027-13",
      "/kalendarium/2027-1",
      "/kalendarium/mars",
      `/kalendarium/${addMonths(current, -1)}`,
      `/kalendarium/${addMonths(current, 24)}`,
      "/en/calendar/2027-00",
      `/en/calendar/${addMonths(current, 24)}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      // Sent to the not-found page before the cached month route: nothing is kept for an invented month.
      expect(response?.headers()["x-nextjs-cache"], path).toBeUndefined();
    }
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    const kept = fs.existsSync(PAGE_CACHE) ? fs.readdirSync(PAGE_CACHE, { recursive: true }).map(String) : [];
    expect(kept.filter((file) => /2027-13|2027-00|2027-1\.|mars/.test(file))).toEqual([]);
  });

  test("only the cached calendar pages go without a script nonce", async ({ request }) => {
    const month = frontPageMonths(new Date())[1]!;
    const scriptSrc = async (path: string) =>
      ((await request.get(path)).headers()["content-security-policy"] ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
    // Served from the cache to everyone, so no per-request nonce (see lib/security/headers.ts).
    for (const path of ["/", "/en", `/kalendarium/${month}`, `/en/calendar/${month}`]) {
      expect(await scriptSrc(path), path).toBe("script-src 'self' 'unsafe-inline'");
    }
    // Every other page: a fresh nonce and strict-dynamic, no inline scripts otherwise.
    for (const path of [`/verkstad/${workshop.slug}`, "/logga-in", "/tillganglighet", "/en/sign-in", "/kalendarium/mars"]) {
      expect(await scriptSrc(path), path).toMatch(/^script-src 'self' 'nonce-[^' ]+' 'strict-dynamic'$/);
    }
  });

  test("marks a cancelled lecture as Inställd", async ({ page }) => {
    const cancelled = lectures.find((l) => l.status === "CANCELLED");
    test.skip(!cancelled, "the demo data has no cancelled upcoming lecture");
    await page.goto(calendarPageOf(cancelled!));
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: cancelled?.title, exact: true }) });
    await expect(item.getByText("Inställd", { exact: true })).toBeVisible();
  });
});

test.describe("from the calendar", () => {
  test("to a lecture, its workshop and back, in Swedish", async ({ page }) => {
    const lecture = bookableLecture();
    await page.goto(calendarPageOf(lecture));
    await page.getByRole("link", { name: lecture.title, exact: true }).click();
    await expect(page).toHaveURL(`/verkstad/${workshop.slug}/forelasning/${lecture.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: lecture.title })).toBeVisible();
    await expectLandmarks(page);
    // Signed out, Boka leads to the sign-in page and back to the booking page with this lecture chosen.
    await expect(page.getByRole("link", { name: "Boka föreläsningen" })).toHaveAttribute(
      "href",
      `/logga-in?callbackUrl=${encodeURIComponent(`/verkstad/${workshop.slug}/boka?lecture=${lecture.slug}`)}`,
    );
    await expectNoAxeViolations(page);

    const breadcrumbs = page.getByRole("navigation", { name: "Du är här" });
    await breadcrumbs.getByRole("link", { name: workshop.title }).click();
    await expect(page).toHaveURL(`/verkstad/${workshop.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: workshop.title })).toBeVisible();
    await expectLandmarks(page);
    await expect(page.getByRole("heading", { level: 2, name: "Samlingar" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Föreläsningar" })).toBeVisible();
    await expect(page.getByText("kl. 23.59", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Kalendarium" }).click();
    await expect(page).toHaveURL("/");
  });

  test("to the workshop page, in English", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("link", { name: workshop.title, exact: true }).first().click();
    await expect(page).toHaveURL(`/en/workshop/${workshop.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: workshop.title })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Lectures" })).toBeVisible();
    await expectNoAxeViolations(page);

    const lecture = bookableLecture();
    await page.getByRole("link", { name: lecture.title, exact: true }).click();
    await expect(page).toHaveURL(`/en/workshop/${workshop.slug}/lecture/${lecture.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Book the lecture" })).toHaveAttribute(
      "href",
      `/en/sign-in?callbackUrl=${encodeURIComponent(`/en/workshop/${workshop.slug}/book?lecture=${lecture.slug}`)}`,
    );
    await expectNoAxeViolations(page);
  });
});

test.describe("the language switch", () => {
  test("opens the same page in the other language and back", async ({ page }) => {
    const lecture = bookableLecture();
    await page.goto(`/verkstad/${workshop.slug}/forelasning/${lecture.slug}`);
    const toEnglish = page.getByRole("link", { name: "In English" });
    await expect(toEnglish).toHaveAttribute("hreflang", "en");
    await expect(toEnglish).toHaveAttribute("lang", "en");
    await toEnglish.click();
    await expect(page).toHaveURL(`/en/workshop/${workshop.slug}/lecture/${lecture.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The content itself is Swedish, and marked so for screen readers (WCAG 3.1.2).
    await expect(page.getByRole("heading", { level: 1, name: lecture.title })).toHaveAttribute("lang", "sv");

    const toSwedish = page.getByRole("link", { name: "På svenska" });
    await expect(toSwedish).toHaveAttribute("hreflang", "sv");
    await toSwedish.click();
    await expect(page).toHaveURL(`/verkstad/${workshop.slug}/forelasning/${lecture.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  test("works from the calendar's front page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "In English" }).click();
    await expect(page).toHaveURL("/en");
    await page.getByRole("link", { name: "På svenska" }).click();
    await expect(page).toHaveURL("/");
  });
});

test.describe("drafts", () => {
  test("a draft workshop's address is not found, in both languages", async ({ page }) => {
    const slug = await draftWorkshopSlug();
    for (const [path, heading] of [
      [`/verkstad/${slug}`, "Sidan finns inte"],
      [`/en/workshop/${slug}`, "Page not found"],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(heading));
      await expectNoAxeViolations(page);
    }
    await page.goto("/");
    await expect(page.locator(`a[href*="${slug}"]`)).toHaveCount(0);
  });

  test("a draft lecture's address is not found, in both languages", async ({ page }) => {
    const hidden = await hiddenLecture();
    test.skip(!hidden, "the demo data has no draft lecture and no lecture in a draft workshop");
    for (const path of [
      `/verkstad/${hidden?.workshopSlug}/forelasning/${hidden?.slug}`,
      `/en/workshop/${hidden?.workshopSlug}/lecture/${hidden?.slug}`,
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });
});

test.describe("about the website", () => {
  test("the accessibility statement and the privacy page, in Swedish", async ({ page }) => {
    await page.goto("/");
    const footer = page.getByRole("contentinfo");
    await footer.getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
    await expect(page).toHaveURL("/tillganglighet");
    await expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse" })).toBeVisible();
    await expect(page.getByText("Myndigheten för digital förvaltning (Digg)", { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: "anmäla det till Digg" })).toBeVisible();
    await expectLandmarks(page);
    await expectNoAxeViolations(page);

    await page.getByRole("contentinfo").getByRole("link", { name: "Personuppgifter" }).click();
    await expect(page).toHaveURL("/personuppgifter");
    await expect(page.getByRole("heading", { level: 1, name: "Personuppgifter" })).toBeVisible();
    await expect(page.getByText("personnummer", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the accessibility statement and the privacy page, in English", async ({ page }) => {
    await page.goto("/en/accessibility");
    await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
    await expect(page.getByText("Agency for Digital Government", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "På svenska" }).click();
    await expect(page).toHaveURL("/tillganglighet");

    await page.goto("/en/privacy");
    await expect(page.getByRole("heading", { level: 1, name: "Personal data" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
