import { expect, test, type Page } from "@playwright/test";
import { demoSignIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { publishedWorkshop, query, type DemoWorkshop } from "./support/database";

/*
 * Booking in the browser: single lectures, the whole workshop for colleagues, a double submit, and
 * a lecture that fills up while the form is open. Each test picks its lectures from the database
 * (what the person has not booked and still has seats), so the order of the tests does not matter.
 *
 * People (prisma/demo-data.ts): Lena Björk books lectures (Sara Nyström already holds the whole
 * workshop, which includes every lecture); Karin Sjöberg is an orderer at Borås stad, whose demo
 * colleagues all hold the package already, so she books new addresses (they get invitations).
 */
test.describe.configure({ mode: "serial" });

const LENA = { name: "Lena Björk", email: "deltagare6@verkstad.test" };
const SARA = { name: "Sara Nyström", email: "deltagare1@verkstad.test" };
const KARIN = { name: "Karin Sjöberg", email: "chef.boras@verkstad.test" };
const NORA = { name: "Nora Quinn", email: "participant.en@verkstad.test" };
const REFERENCE = /^VK-\d{4}-[2-9A-HJ-NP-Z]{6}$/;

type OpenLecture = { id: string; slug: string; title: string; priceMemberOre: number; priceNonMemberOre: number; capacity: number; seatsTaken: number };

let workshop: DemoWorkshop;

test.beforeAll(async () => {
  workshop = await publishedWorkshop();
});

const bookPath = (locale: "sv" | "en") => (locale === "sv" ? `/verkstad/${workshop.slug}/boka` : `/en/workshop/${workshop.slug}/book`);

/** Lectures of the workshop that this person could book now: published, to come, with a seat, not theirs already. */
async function openLecturesFor(email: string): Promise<OpenLecture[]> {
  return query<OpenLecture>(
    `select l.id, l.slug, l.title, l."priceMemberOre", l."priceNonMemberOre", l.capacity, l."seatsTaken"
       from "Lecture" l
      where l."workshopId" = $1 and l.status = 'PUBLISHED' and l."startsAt" > now() and l."seatsTaken" < l.capacity
        and not exists (
          select 1 from "Booking" b join "User" u on u.id = b."participantId"
           where u.email = $2 and b."activeSessionKey" in ('L:' || l.id, 'P:' || l."workshopId"))
      order by l."startsAt", l.id`,
    [workshop.id, email],
  );
}

function sek(ore: number, locale: "sv" | "en"): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    style: "currency",
    currency: "SEK",
    currencyDisplay: locale === "sv" ? "symbol" : "code",
    maximumFractionDigits: ore % 100 === 0 ? 0 : 2,
  }).format(ore / 100);
}

async function orderCount(email: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `select count(*)::int as n from "Order" o join "User" u on u.id = o."placedById" where u.email = $1`,
    [email],
  );
  return row?.n ?? 0;
}

async function confirmedReference(page: Page, heading: RegExp | string): Promise<string> {
  const confirmation = page.getByRole("heading", { level: 2, name: heading });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toBeFocused();
  const reference = (await page.getByTestId("order-reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(REFERENCE);
  return reference;
}

test("a signed-out visitor follows Boka on a lecture page, signs in and finds that lecture chosen", async ({ page }) => {
  const [lecture] = await openLecturesFor(LENA.email);
  if (!lecture) throw new Error("No open lecture for the demo participant");
  await page.goto(`/en/workshop/${workshop.slug}/lecture/${lecture.slug}`);
  await expectNoAxeViolations(page);
  await page.goto(`/verkstad/${workshop.slug}/forelasning/${lecture.slug}`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Boka föreläsningen" }).click();
  await expect(page).toHaveURL(/\/logga-in\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(`/verkstad/${workshop.slug}/boka?lecture=${lecture.slug}`);

  // The demo sign-in buttons work once the page's script has loaded.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: new RegExp(`Logga in som ${LENA.name}`) }).click();
  await expect(page).toHaveURL(`/verkstad/${workshop.slug}/boka?lecture=${lecture.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(workshop.title);
  await expect(page.getByRole("radio", { name: "En eller flera föreläsningar" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: lecture.title, exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
});

test("the workshop page's Boka goes to sign-in for visitors and to the booking page for signed-in people", async ({ page }) => {
  await page.goto(`/verkstad/${workshop.slug}`);
  const book = page.getByRole("link", { name: "Boka", exact: true }).first();
  await expect(book).toHaveAttribute("href", `/logga-in?callbackUrl=${encodeURIComponent(`/verkstad/${workshop.slug}/boka`)}`);
  await page.goto(`/en/workshop/${workshop.slug}`);
  await expect(page.getByRole("link", { name: "Book", exact: true }).first()).toHaveAttribute(
    "href",
    `/en/sign-in?callbackUrl=${encodeURIComponent(`/en/workshop/${workshop.slug}/book`)}`,
  );
  await expectNoAxeViolations(page);

  await demoSignIn(page, LENA.name);
  await page.goto(`/verkstad/${workshop.slug}`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Boka", exact: true }).first().click();
  await expect(page).toHaveURL(bookPath("sv"));
});

test("only participants and orderers book; an unknown or draft workshop has no booking page", async ({ page }) => {
  await demoSignIn(page, "Angela Berg");
  const coordinator = await page.goto(bookPath("sv"));
  expect(coordinator?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Du har inte behörighet till sidan" })).toBeVisible();
  await page.context().clearCookies();
  await demoSignIn(page, LENA.name);
  const [draft] = await query<{ slug: string }>(`select slug from "Workshop" where status = 'DRAFT' order by slug limit 1`);
  for (const slug of ["finns-inte", ...(draft ? [draft.slug] : [])]) {
    const response = await page.goto(`/verkstad/${slug}/boka`);
    expect(response?.status()).toBe(404);
  }
});

test("a participant books two lectures in one go and gets one order with two bookings pending payment", async ({ page }) => {
  const [first, second] = await openLecturesFor(LENA.email);
  if (!first || !second) throw new Error("Fewer than two open lectures for the demo participant");
  await demoSignIn(page, LENA.name);
  await page.goto(bookPath("sv"));
  // Lena works for an interest organisation: the price for others applies.
  await expect(page.getByText("Du betalar priset för övriga", { exact: false })).toBeVisible();
  await page.getByRole("radio", { name: "En eller flera föreläsningar" }).check();

  // A full lecture is listed, cannot be chosen, and says why.
  const [full] = await query<{ title: string }>(
    `select title from "Lecture" where "workshopId" = $1 and status = 'PUBLISHED' and "startsAt" > now() and "seatsTaken" >= capacity order by "startsAt" limit 1`,
    [workshop.id],
  );
  if (full) {
    const fullBox = page.getByRole("checkbox", { name: full.title, exact: true });
    await expect(fullBox).toBeDisabled();
    await expect(page.getByRole("listitem").filter({ has: fullBox })).toContainText("Fullbokad. Det finns inga platser kvar.");
    // The package gives a seat in every lecture, so a full lecture fills the package too, and the page
    // says why. It can still be chosen, to join its waiting list.
    await expect(page.getByText(`Hela verkstaden är fullbokad, eftersom ${full.title} är fullbokad.`, { exact: false })).toBeVisible();
    await expect(page.getByText("Du kan välja hela verkstaden ändå och ställa dig i kö.")).toBeVisible();
    await page.getByRole("radio", { name: "Hela verkstaden (paket)" }).check();
    await expect(page.getByRole("button", { name: "Ställ dig i kö till hela verkstaden" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "En eller flera föreläsningar" }).check();
  }

  await expect(page.getByText("Du har inte valt något än.")).toBeVisible();
  await page.getByRole("checkbox", { name: first.title, exact: true }).check();
  await page.getByRole("checkbox", { name: second.title, exact: true }).check();
  const total = first.priceNonMemberOre + second.priceNonMemberOre;
  await expect(page.getByText("2 föreläsningar, för 1 person.")).toBeVisible();
  await expect(page.getByText(`Totalt ${sek(total, "sv")}`)).toBeVisible();
  await expectNoAxeViolations(page);

  const ordersBefore = await orderCount(LENA.email);
  await page.getByRole("button", { name: "Boka", exact: true }).click();
  const reference = await confirmedReference(page, "Tack! Vi har tagit emot bokningen");
  await expect(page.getByText(/Platserna hålls åt dig till kl\. \d{2}\.\d{2}\./)).toBeVisible();
  await expect(page.getByRole("link", { name: "Till Mina bokningar" })).toHaveAttribute("href", "/mina-bokningar");
  await expectNoAxeViolations(page);

  expect(await orderCount(LENA.email)).toBe(ordersBefore + 1);
  const bookings = await query<{ status: string; kind: string; lectureId: string; participant: string; total: number }>(
    `select b.status::text as status, b.kind::text as kind, b."lectureId", u.email as participant, o."totalInclVatOre" as total
       from "Booking" b join "Order" o on o.id = b."orderId" join "User" u on u.id = b."participantId"
      where o.reference = $1 order by b."lectureId"`,
    [reference],
  );
  expect(bookings).toHaveLength(2);
  expect(bookings.every((b) => b.status === "PENDING_PAYMENT" && b.kind === "LECTURE" && b.participant === LENA.email && b.total === total)).toBe(true);
  expect(bookings.map((b) => b.lectureId).sort()).toEqual([first.id, second.id].sort());
});

test("someone who holds the whole workshop sees that the package and its lectures are already theirs", async ({ page }) => {
  await demoSignIn(page, SARA.name);
  await page.goto(bookPath("sv"));
  await expect(page.getByRole("radio", { name: "Hela verkstaden (paket)" })).toBeDisabled();
  await expect(page.getByText("Du har redan bokat hela verkstaden.")).toBeVisible();
  await expect(page.getByRole("radio", { name: "En eller flera föreläsningar" })).toBeChecked();
  await expect(page.getByText("Ingår redan i din bokning av hela verkstaden.").first()).toBeVisible();
  await expect(page.getByRole("checkbox", { disabled: false })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("an orderer books the whole workshop for two colleagues: one order, two bookings, invitations for new addresses", async ({ page }) => {
  const stamp = Date.now();
  const colleagues = [`kollega.a.${stamp}@kommun.test`, `kollega.b.${stamp}@kommun.test`];
  const [workshopRow] = await query<{ price: number }>(`select "packagePriceMemberOre" as price from "Workshop" where id = $1`, [workshop.id]);
  const price = workshopRow!.price;
  // The package takes a seat in every session it includes, and the demo has a full lecture: the
  // organiser adds seats where two are missing (after this booking those sessions are full again).
  await query(`update "Lecture" set capacity = "seatsTaken" + 2 where "workshopId" = $1 and status = 'PUBLISHED' and capacity - "seatsTaken" < 2`, [workshop.id]);
  await query(`update "Gathering" set capacity = "seatsTaken" + 2 where "workshopId" = $1 and status = 'PUBLISHED' and capacity - "seatsTaken" < 2`, [workshop.id]);

  await demoSignIn(page, KARIN.name);
  await page.goto(bookPath("sv"));
  await expect(page.getByText("Du betalar medlemspriset, eftersom Borås stad är en medlemskommun.")).toBeVisible();
  const pkg = page.getByRole("radio", { name: "Hela verkstaden (paket)" });
  await expect(pkg).toBeChecked();
  await expect(page.getByText(`Medlemskommuner: ${sek(price, "sv")} (ditt pris)`)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Deltagarna har egna förbättringsarbeten/ })).not.toBeChecked();
  await expectNoAxeViolations(page);

  const section = page.getByRole("group", { name: "Boka åt kollegor" });
  await section.getByLabel("E-postadress till kollega 1").fill(colleagues[0]!);
  await section.getByRole("button", { name: "Lägg till en kollega" }).click();
  await expect(section.getByLabel("E-postadress till kollega 2")).toBeFocused();
  await page.keyboard.type(colleagues[1]!);
  // A row added by mistake is removed again; focus goes back to the row before.
  await section.getByRole("button", { name: "Lägg till en kollega" }).click();
  await section.getByRole("button", { name: "Ta bort kollega 3" }).click();
  await expect(section.getByLabel("E-postadress till kollega 3")).toHaveCount(0);
  await expect(section.getByLabel("E-postadress till kollega 2")).toBeFocused();

  await section.getByRole("checkbox", { name: "Boka även mig själv" }).uncheck();
  await expect(page.getByText("Hela verkstaden, för 2 personer.")).toBeVisible();
  await expect(page.getByText(`Totalt ${sek(price * 2, "sv")}`)).toBeVisible();
  await expectNoAxeViolations(page);

  const ordersBefore = await orderCount(KARIN.email);
  await page.getByRole("button", { name: "Boka", exact: true }).click();
  const reference = await confirmedReference(page, "Tack! Vi har tagit emot bokningen");
  await expect(page.getByText(sek(price * 2, "sv"), { exact: true })).toBeVisible();

  expect(await orderCount(KARIN.email)).toBe(ordersBefore + 1);
  const bookings = await query<{ status: string; kind: string; participant: string; organisation: string; bookedBy: string }>(
    `select b.status::text as status, b.kind::text as kind, u.email as participant, org.name as organisation, bb.email as "bookedBy"
       from "Booking" b join "Order" o on o.id = b."orderId" join "User" u on u.id = b."participantId"
       join "Organisation" org on org.id = u."organisationId" join "User" bb on bb.id = b."bookedById"
      where o.reference = $1 order by u.email`,
    [reference],
  );
  expect(bookings).toEqual(
    colleagues.map((participant) => ({ status: "PENDING_PAYMENT", kind: "PACKAGE", participant, organisation: "Borås stad", bookedBy: KARIN.email })),
  );
});

test("a double click on Book places one order (English page)", async ({ page }) => {
  const [lecture] = await openLecturesFor(NORA.email);
  if (!lecture) throw new Error("No open lecture for the English demo participant");
  await demoSignIn(page, NORA.name);
  await page.goto(bookPath("en"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Book a place in");
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "One or more lectures" }).check();
  await page.getByRole("checkbox", { name: lecture.title, exact: true }).check();
  await expect(page.getByText("1 lecture, for 1 person.")).toBeVisible();
  await expectNoAxeViolations(page);

  const key = await page.locator('input[name="idempotencyKey"]').inputValue();
  await page.getByRole("button", { name: "Book", exact: true }).dblclick();
  await confirmedReference(page, "Thank you! We have received the booking");
  await expect(page.getByText(/The seats are held for you until \d{2}:\d{2}\./)).toBeVisible();
  await expectNoAxeViolations(page);

  const orders = await query<{ n: number }>(`select count(*)::int as n from "Order" where "idempotencyKey" = $1`, [key]);
  expect(orders[0]?.n).toBe(1);
  const active = await query<{ n: number }>(
    `select count(*)::int as n from "Booking" b join "User" u on u.id = b."participantId" where u.email = $1 and b."activeSessionKey" = $2`,
    [NORA.email, `L:${lecture.id}`],
  );
  expect(active[0]?.n).toBe(1);
});

test("the same form sent twice before the first answer places one order", async ({ page }) => {
  const [lecture] = await openLecturesFor(LENA.email);
  if (!lecture) throw new Error("No open lecture for the demo participant");
  await demoSignIn(page, LENA.name);
  await page.goto(bookPath("sv"));
  await page.getByRole("radio", { name: "En eller flera föreläsningar" }).check();
  await page.getByRole("checkbox", { name: lecture.title, exact: true }).check();
  const key = await page.locator('input[name="idempotencyKey"]').inputValue();

  // Two submits in the same moment: both requests reach the server with the same key.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) posts.push(request.url());
  });
  await page.locator("form", { has: page.locator('input[name="idempotencyKey"]') }).evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  const reference = await confirmedReference(page, "Tack! Vi har tagit emot bokningen");
  await expect.poll(() => posts.length).toBe(2);

  const orders = await query<{ reference: string }>(`select reference from "Order" where "idempotencyKey" = $1`, [key]);
  expect(orders).toEqual([{ reference }]);
  // The second answer is the same order: the page shows its reference.
  await expect(page.getByTestId("order-reference")).toHaveText(reference);
});

test("a lecture that fills up while the form is open gives the translated FULL message, and nothing is booked", async ({ page }) => {
  const [lecture] = await openLecturesFor(LENA.email);
  if (!lecture) throw new Error("No open lecture for the demo participant");
  await demoSignIn(page, LENA.name);
  await page.goto(bookPath("sv"));
  await page.getByRole("radio", { name: "En eller flera föreläsningar" }).check();
  await page.getByRole("checkbox", { name: lecture.title, exact: true }).check();

  const ordersBefore = await orderCount(LENA.email);
  // Someone else takes the last seats meanwhile.
  await query(`update "Lecture" set "seatsTaken" = capacity where id = $1`, [lecture.id]);
  try {
    await page.getByRole("button", { name: "Boka", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Det gick inte att skicka" });
    await expect(alert).toContainText(`Det finns inte tillräckligt med platser kvar på ${lecture.title} (inga platser kvar). Ingenting har bokats.`);
    await expect(alert).toBeFocused();
    // The choice is kept, so the person can change it and try again.
    await expect(page.getByRole("checkbox", { name: lecture.title, exact: true })).toBeChecked();
    await expectNoAxeViolations(page);
    expect(await orderCount(LENA.email)).toBe(ordersBefore);
  } finally {
    await query(`update "Lecture" set "seatsTaken" = $2 where id = $1`, [lecture.id, lecture.seatsTaken]);
  }
});

test("a full lecture offers the waiting list, and joining it shows the place in the queue", async ({ page }) => {
  // A full lecture of the workshop (the demo has one); if an earlier test changed that, fill one.
  let [full] = await query<{ id: string; title: string; seatsTaken: number }>(
    `select id, title, "seatsTaken" from "Lecture" where "workshopId" = $1 and status = 'PUBLISHED' and "startsAt" > now() and "seatsTaken" >= capacity order by "startsAt" limit 1`,
    [workshop.id],
  );
  if (!full) {
    const [lecture] = await openLecturesFor(LENA.email);
    if (!lecture) throw new Error("No lecture to fill");
    await query(`update "Lecture" set "seatsTaken" = capacity where id = $1`, [lecture.id]);
    full = lecture;
  }
  await demoSignIn(page, LENA.name);
  await page.goto(bookPath("sv"));
  await page.getByRole("radio", { name: "En eller flera föreläsningar" }).check();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: full.title, exact: true }) });
  await item.getByRole("button", { name: `Ställ dig i kö till ${full.title}` }).click();

  const status = page.getByRole("status").filter({ hasText: "Anmälan till kön är klar" });
  await expect(status).toBeFocused();
  await expect(status).toContainText(`1 person står nu i kö till ${full.title}.`);
  await expect(status).toContainText(/Din plats i kön: \d+\./);
  // The page is read again: the lecture now says that Lena is in its queue, and offers no second place.
  await expect(item).toContainText("Du står i kö till den här föreläsningen.");
  await expect(item.getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page);

  const entries = await query<{ status: string }>(
    `select w.status::text as status from "WaitlistEntry" w join "User" u on u.id = w."participantId" where u.email = $1 and w."activeSessionKey" = $2`,
    [LENA.email, `L:${full.id}`],
  );
  expect(entries).toEqual([{ status: "WAITING" }]);
});
