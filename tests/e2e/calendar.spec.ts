import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import {
  draftWorkshopSlug,
  hiddenLecture,
  publishedWorkshop,
  upcomingLectures,
  type DemoLecture,
  type DemoWorkshop,
} from "./support/database";

let workshop: DemoWorkshop;
let lectures: DemoLecture[];

test.beforeAll(async () => {
  workshop = await publishedWorkshop();
  lectures = (await upcomingLectures()).filter((l) => l.workshopSlug === workshop.slug);
});

function bookableLecture(): DemoLecture {
  const lecture = lectures.find((l) => l.status === "PUBLISHED");
  if (!lecture) throw new Error("The demo data has no upcoming published lecture");
  return lecture;
}

async function expectLandmarks(page: Page) {
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
}

test.describe("the calendar", () => {
  test("in Swedish lists the published workshop and its coming lectures", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page).toHaveTitle(/Kalendarium/);
    await expect(page.getByRole("heading", { level: 1, name: "Kalendarium" })).toBeVisible();
    await expectLandmarks(page);
    await expect(page.getByRole("link", { name: workshop.title, exact: true })).toHaveAttribute("href", `/verkstad/${workshop.slug}`);
    expect(lectures.length).toBeGreaterThan(0);
    for (const lecture of lectures) {
      await expect(page.getByRole("link", { name: lecture.title, exact: true })).toHaveAttribute(
        "href",
        `/verkstad/${workshop.slug}/forelasning/${lecture.slug}`,
      );
    }
    // Every session line says when, with a machine-readable instant.
    await expect(page.locator("main li time[datetime]").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("in English lists the same, with English addresses", async ({ page }) => {
    const response = await page.goto("/en");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
    await expectLandmarks(page);
    await expect(page.getByRole("link", { name: workshop.title, exact: true })).toHaveAttribute("href", `/en/workshop/${workshop.slug}`);
    for (const lecture of lectures) {
      await expect(page.getByRole("link", { name: lecture.title, exact: true })).toHaveAttribute(
        "href",
        `/en/workshop/${workshop.slug}/lecture/${lecture.slug}`,
      );
    }
    await expectNoAxeViolations(page);
  });

  test("marks a cancelled lecture as Inställd", async ({ page }) => {
    const cancelled = lectures.find((l) => l.status === "CANCELLED");
    test.skip(!cancelled, "the demo data has no cancelled upcoming lecture");
    await page.goto("/");
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: cancelled?.title, exact: true }) });
    await expect(item.getByText("Inställd", { exact: true })).toBeVisible();
  });
});

test.describe("from the calendar", () => {
  test("to a lecture, its workshop and back, in Swedish", async ({ page }) => {
    const lecture = bookableLecture();
    await page.goto("/");
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
    await page.getByRole("link", { name: workshop.title, exact: true }).click();
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
