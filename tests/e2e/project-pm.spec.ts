import { expect, test, type Page } from "@playwright/test";
import { demoSignIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { query } from "./support/database";

/*
 * The project PM from draft to supervision, in the browser: Sara (package with own project, a
 * draft PM in the demo) writes, leaves and comes back, submits; Angela (coordinator) asks for
 * changes; Sara revises and submits again; Angela accepts and assigns Per Holm as supervisor; Per
 * logs a meeting; Sara sees her supervisor and the meeting. axe on every page, both languages.
 */
test.describe.configure({ mode: "serial" });

const SARA = { name: "Sara Nyström", email: "deltagare1@verkstad.test" };
const ANGELA = "Angela Berg";
const PER = "Per Holm";
const TITLE = "Strukturerad överrapportering i äldreomsorgen";

let pmPath = "";

/** Today in Stockholm as YYYY-MM-DD (the meeting's day, the supervision's start). */
function stockholmToday(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

async function signInAs(page: Page, name: string) {
  await page.context().clearCookies();
  await demoSignIn(page, name);
}

async function openReview(page: Page) {
  await page.goto("/samordning/projekt-pm");
  await page.getByRole("link", { name: TITLE }).first().click();
  await expect(page).toHaveURL(/\/samordning\/projekt-pm\/[a-z0-9]+$/);
}

test("a coordinator finds the PMs not submitted yet and gives one participant a later deadline", async ({ page }) => {
  await demoSignIn(page, ANGELA);
  await page.goto("/samordning/projekt-pm?status=NOT_SUBMITTED");
  await expect(page.getByRole("heading", { name: "Inte inskickat" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/en/coordination/project-pms?status=NOT_SUBMITTED");
  await expectNoAxeViolations(page);
  await page.goto("/samordning/projekt-pm?status=NOT_SUBMITTED");
  await page.getByRole("link", { name: `Visa utkastet från ${SARA.name}` }).click();
  await expect(page).toHaveURL(/\/samordning\/projekt-pm\/[a-z0-9]+$/);
  await page.getByLabel(/^Ny sista dag/).fill("2027-01-20");
  await page.getByLabel(/^Skäl/).fill("Föräldraledig i december.");
  await page.getByRole("button", { name: "Ge senare sista dag" }).click();
  await expect(page.getByText(/^Klart\. Deltagarens nya sista dag är/)).toBeVisible();
  await expectNoAxeViolations(page);
  const [extension] = await query<{ newDeadline: string; reason: string }>(
    `select to_char(e."newDeadline", 'YYYY-MM-DD') as "newDeadline", e.reason from "DeadlineExtension" e join "User" u on u.id = e."participantId" where u.email = $1`,
    [SARA.email],
  );
  expect(extension).toEqual({ newDeadline: "2027-01-20", reason: "Föräldraledig i december." });
});

test("a participant writes a draft, comes back to it, and submits", async ({ page }) => {
  await signInAs(page, SARA.name);
  await page.goto("/mina-bokningar");
  await page.getByRole("link", { name: /^Projekt-PM/ }).first().click();
  await expect(page).toHaveURL(/\/projekt-pm\/[a-z0-9]+$/);
  pmPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Projekt-PM" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel(/^Varför behövs projektet\?/).fill("Information faller bort när personal byts mellan passen.");
  await page.getByLabel(/^Bakgrund och syfte/).fill("Avvikelser visar brister i överrapporteringen. Vi vill minska dem med hälften.");
  await page.getByRole("button", { name: "Spara utkast" }).click();
  // Leaving a field saves too (autosave); either way the form says the draft is saved.
  await expect(page.getByRole("status").filter({ hasText: /^Utkastet (är sparat|sparades automatiskt)\.$/ })).toBeVisible();

  // Coming back later: what was written is there.
  await page.goto("/mina-bokningar");
  await page.goto(pmPath);
  await expect(page.getByText("senast 20 januari 2027 kl. 23.59")).toBeVisible();
  await expect(page.getByLabel(/^Varför behövs projektet\?/)).toHaveValue("Information faller bort när personal byts mellan passen.");
  await page.getByLabel(/^Arbetsplats/).fill("Hemtjänsten Centrum");
  await page.getByLabel(/^Enhet/).fill("Äldreomsorg");
  await page.getByRole("button", { name: "Skicka in", exact: true }).click();
  await expect(page.getByText("Du har skickat in ditt projekt-PM. En samordnare granskar det.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /^Version 1, inskickad/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/en${pmPath.replace(/^\/projekt-pm\//, "/project-pm/")}`);
  await expectNoAxeViolations(page);
  const [pm] = await query<{ status: string; revisions: number }>(
    `select p.status::text as status, (select count(*)::int from "ProjectPmRevision" r where r."pmId" = p.id) as revisions
       from "ProjectPm" p join "User" u on u.id = p."participantId" where u.email = $1`,
    [SARA.email],
  );
  expect(pm).toEqual({ status: "SUBMITTED", revisions: 1 });
});

test("a coordinator asks for changes and the participant revises", async ({ page }) => {
  await signInAs(page, ANGELA);
  await page.goto("/samordning/projekt-pm");
  await expectNoAxeViolations(page);
  await page.goto("/en/coordination/project-pms");
  await expectNoAxeViolations(page);
  await openReview(page);
  await expectNoAxeViolations(page);
  const reviewPath = new URL(page.url()).pathname;
  await page.goto(reviewPath.replace(/^\/samordning\/projekt-pm\//, "/en/coordination/project-pms/"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expectNoAxeViolations(page);
  await page.goto(reviewPath);
  await page.getByRole("radio", { name: "Begär ändringar" }).check();
  await page.getByLabel(/^Kommentar till deltagaren/).fill("Beskriv hur ni ska mäta att överrapporteringen blir bättre.");
  await page.getByRole("button", { name: "Skicka beslutet" }).click();
  await expect(page.getByText("Beslutet är sparat. Deltagaren har fått ett mejl om det.")).toBeVisible();

  await signInAs(page, SARA.name);
  await page.goto(pmPath);
  await expect(page.getByText("Beskriv hur ni ska mäta att överrapporteringen blir bättre.")).toBeVisible();
  await page.getByLabel(/^Metod/).fill("Vi mäter antalet avvikelser per månad före och efter.");
  await page.getByRole("button", { name: "Skicka in igen" }).click();
  await expect(page.getByRole("heading", { level: 3, name: /^Version 2, inskickad/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the coordinator compares the versions, accepts, and assigns a supervisor", async ({ page }) => {
  await signInAs(page, ANGELA);
  await openReview(page);
  // The new text is marked as added in the comparison with version 1.
  await expect(page.locator("ins").filter({ hasText: "avvikelser per månad" }).first()).toBeVisible();
  await page.getByRole("radio", { name: "Godkänn", exact: true }).check();
  await page.getByRole("button", { name: "Skicka beslutet" }).click();
  await expect(page.getByText("Beslutet är sparat. Deltagaren har fått ett mejl om det.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/samordning/handledning");
  await expectNoAxeViolations(page);
  const project = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TITLE }) });
  const supervisor = project.getByLabel(/^Handledare/);
  const per = (await supervisor.locator("option").allTextContents()).find((o) => o.includes(PER));
  if (!per) throw new Error(`No supervisor option for ${PER}`);
  await supervisor.selectOption({ label: per });
  await project.getByLabel(/^Startdag/).fill(stockholmToday());
  await project.getByLabel(/^Planerade träffar/).fill("5");
  await project.getByRole("button", { name: "Tilldela handledare" }).click();
  await expect(page.getByRole("region", { name: "Projekt med handledare" })).toContainText(TITLE);
  await expectNoAxeViolations(page);
  await page.goto("/en/coordination/supervision");
  await expectNoAxeViolations(page);
});

test("the supervisor logs a meeting and the participant sees it", async ({ page }) => {
  await signInAs(page, PER);
  await page.goto("/handledning");
  await page.getByRole("link", { name: TITLE }).first().click();
  await expect(page).toHaveURL(/\/handledning\/[a-z0-9]+$/);
  await expectNoAxeViolations(page);
  await page.getByLabel(/^Datum/).fill(stockholmToday());
  await page.getByRole("radio", { name: "Video" }).check();
  await page.getByLabel(/^Kort anteckning/).fill("Gick igenom mätplanen och första veckans avvikelser.");
  await page.getByRole("button", { name: "Spara träffen" }).click();
  await expect(page.getByText("Träffen är sparad.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Träffar", exact: true })).toContainText("Gick igenom mätplanen");
  await expectNoAxeViolations(page);
  await page.goto(new URL(page.url()).pathname.replace(/^\/handledning\//, "/en/supervision/"));
  await expectNoAxeViolations(page);

  await signInAs(page, SARA.name);
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Mitt förbättringsarbete" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mitt förbättringsarbete" })).toBeVisible();
  await expect(page.getByText(PER).first()).toBeVisible();
  await expect(page.getByText("Gick igenom mätplanen och första veckans avvikelser.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/en/my-improvement-project");
  await expectNoAxeViolations(page);
});
