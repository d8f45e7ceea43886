import { expect, test, type Page } from "@playwright/test";
import { demoSignIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { publishedWorkshop, query, type DemoWorkshop } from "./support/database";

/*
 * Paying in the browser: a participant pays a lecture by card through the (fake) Stripe Checkout
 * page; an orderer pays by invoice with a buyer reference and cost centre and downloads the PDF; an
 * admin runs the consolidated invoicing and downloads the e-invoices (UBL). Lectures are picked from
 * the database (open, not yet the person's), so the order of the spec files does not matter.
 */
test.describe.configure({ mode: "serial" });

// Oskar pays by card: a demo participant of his own, so the other specs keep their open lectures.
const OSKAR = { name: "Oskar Lund", email: "deltagare7@verkstad.test" };
const KARIN = { name: "Karin Sjöberg", email: "chef.boras@verkstad.test" };
const MARIA = { name: "Maria Lind", email: "admin@verkstad.test" };

let workshop: DemoWorkshop;

test.beforeAll(async () => {
  workshop = await publishedWorkshop();
});

test.afterAll(async () => {
  await query(`update "Workshop" set "consolidatedInvoicing" = false where id = $1`, [workshop.id]);
});

async function openLecture(email: string): Promise<{ id: string; slug: string; title: string }> {
  const [lecture] = await query<{ id: string; slug: string; title: string }>(
    `select l.id, l.slug, l.title from "Lecture" l
      where l."workshopId" = $1 and l.status = 'PUBLISHED' and l."startsAt" > now() and l."seatsTaken" < l.capacity
        and not exists (
          select 1 from "Booking" b join "User" u on u.id = b."participantId"
           where u.email = $2 and b."activeSessionKey" in ('L:' || l.id, 'P:' || l."workshopId"))
      order by l."startsAt" desc, l.id limit 1`,
    [workshop.id, email],
  );
  if (!lecture) throw new Error(`No open lecture for ${email}`);
  return lecture;
}

/** Books one lecture (for oneself, or for a colleague as orderer) and follows "Gå till betalning". */
async function bookAndGoToPayment(page: Page, lecture: { slug: string; title: string }, colleague?: string): Promise<string> {
  await page.goto(`/verkstad/${workshop.slug}/boka?lecture=${lecture.slug}`);
  await expect(page.getByRole("checkbox", { name: lecture.title, exact: true })).toBeChecked();
  if (colleague) {
    const section = page.getByRole("group", { name: "Boka åt kollegor" });
    await section.getByLabel("E-postadress till kollega 1").fill(colleague);
    await section.getByRole("checkbox", { name: "Boka även mig själv" }).uncheck();
  }
  await page.getByRole("button", { name: "Boka", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Tack! Vi har tagit emot bokningen" })).toBeVisible();
  const reference = (await page.getByTestId("order-reference").textContent())?.trim() ?? "";
  await page.getByRole("link", { name: "Gå till betalning" }).click();
  await expect(page).toHaveURL(/\/betala\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Betala bokningen" })).toBeVisible();
  return reference;
}

async function orderState(reference: string) {
  const [row] = await query<{ order: string; method: string | null; bookings: string; payment: string | null; events: number }>(
    `select o.status::text as "order", o."paymentMethod"::text as method,
            (select string_agg(b.status::text, ',') from "Booking" b where b."orderId" = o.id) as bookings,
            (select p.status::text from "Payment" p where p."orderId" = o.id order by p."createdAt" desc limit 1) as payment,
            (select count(*)::int from "StripeEvent") as events
       from "Order" o where o.reference = $1`,
    [reference],
  );
  return row!;
}

test("a participant pays a lecture by card through Stripe Checkout and sees it confirmed", async ({ page }) => {
  const lecture = await openLecture(OSKAR.email);
  await demoSignIn(page, OSKAR.name);
  const reference = await bookAndGoToPayment(page, lecture);
  await expect(page.getByRole("table", { name: "Det här betalar du för" })).toContainText(lecture.title);
  await expectNoAxeViolations(page);
  const payPath = new URL(page.url()).pathname;
  await page.goto(payPath.replace(/^\/betala\//, "/en/pay/"));
  await expect(page.getByRole("heading", { level: 1, name: "Pay for the booking" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(payPath);

  await page.getByRole("button", { name: /^Betala .* med kort$/ }).click();
  // Stripe's (here: the local fake's) hosted payment page.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_/);
  await page.getByRole("button", { name: /^Betala/ }).click();

  await expect(page).toHaveURL(/\/betala\/[a-z0-9]+\/klar\?session_id=cs_/);
  const outcome = page.getByTestId("payment-outcome");
  await expect(outcome).toHaveAttribute("data-outcome", "paid");
  await expect(outcome.getByRole("heading", { name: "Tack! Bokningen är betald och bekräftad" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await orderState(reference)).toMatchObject({ order: "PAID", method: "CARD", bookings: "CONFIRMED", payment: "SUCCEEDED" });

  // The receipt is a PDF, for this payer only.
  const receipt = await page.request.get((await outcome.getByRole("link", { name: "Kvitto (PDF)" }).getAttribute("href"))!);
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()["content-type"]).toContain("application/pdf");
  expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.goto("/mina-bokningar");
  await expect(page.getByRole("article").filter({ hasText: reference })).toContainText("Bekräftad");
});

test("an orderer pays by invoice with buyer reference and cost centre and downloads the invoice PDF", async ({ page }) => {
  const lecture = await openLecture(KARIN.email);
  await demoSignIn(page, KARIN.name);
  const reference = await bookAndGoToPayment(page, lecture, `faktura.kollega.${Date.now()}@kommun.test`);
  const form = page.getByRole("region", { name: "Betala mot faktura till arbetsgivaren" });
  // Prefilled from Borås stad.
  await expect(form.getByLabel("Organisationens namn")).toHaveValue("Borås stad");
  await expect(form.getByLabel("Organisationsnummer")).not.toHaveValue("");

  // Without a buyer reference the invoice cannot be routed: the form says so and keeps what was typed.
  await form.getByLabel("Kostnadsställe (frivilligt)").fill("1234 Utbildning");
  await form.getByRole("button", { name: "Beställ mot faktura" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Det gick inte att betala" })).toContainText("Se felen vid fälten");
  await expect(form.getByLabel("Er referens")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Kostnadsställe (frivilligt)")).toHaveValue("1234 Utbildning");
  await expectNoAxeViolations(page);

  await form.getByLabel("Er referens").fill("KS-4711");
  await form.getByRole("button", { name: "Beställ mot faktura" }).click();
  await expect(page).toHaveURL(/\/betala\/[a-z0-9]+\/klar$/);
  const outcome = page.getByTestId("payment-outcome");
  await expect(outcome).toHaveAttribute("data-outcome", "invoiced");
  await expect(outcome).toContainText("Fakturan skickas till Borås stad med referensen KS-4711.");
  await expectNoAxeViolations(page);
  expect(await orderState(reference)).toMatchObject({ order: "INVOICED", method: "INVOICE", bookings: "CONFIRMED" });

  const pdfLink = outcome.getByRole("link", { name: /^Faktura F\d{4}-\d{5} \(PDF\)$/ });
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const [invoice] = await query<{ buyerReference: string; costCentre: string | null }>(
    `select i."buyerReference", i."costCentre" from "Invoice" i
       join "InvoiceLine" il on il."invoiceId" = i.id join "OrderLine" ol on ol.id = il."orderLineId" join "Order" o on o.id = ol."orderId"
      where o.reference = $1 limit 1`,
    [reference],
  );
  expect(invoice).toEqual({ buyerReference: "KS-4711", costCentre: "1234 Utbildning" });

  const path = new URL(page.url()).pathname;
  await page.goto(path.replace(/^\/betala\/([a-z0-9]+)\/klar$/, "/en/pay/$1/done"));
  await expect(page.getByTestId("payment-outcome")).toContainText("The invoice goes to Borås stad with the reference KS-4711.");
  await expectNoAxeViolations(page);
});

test("an admin runs the consolidated invoicing for a workshop and downloads the e-invoices", async ({ page }) => {
  await query(`update "Workshop" set "consolidatedInvoicing" = true where id = $1`, [workshop.id]);
  const lecture = await openLecture(KARIN.email);
  await demoSignIn(page, KARIN.name);
  await bookAndGoToPayment(page, lecture, `samlad.kollega.${Date.now()}@kommun.test`);
  const form = page.getByRole("region", { name: "Betala mot faktura till arbetsgivaren" });
  await expect(form).toContainText("samlad faktura per arbetsgivare och referens");
  await form.getByLabel("Er referens").fill("SAMLAD-2026");
  await form.getByRole("button", { name: "Beställ mot faktura" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveAttribute("data-outcome", "invoiced");
  await expect(page.getByTestId("payment-outcome")).toContainText("Fakturan skickas samlat");
  await page.context().clearCookies();

  await demoSignIn(page, MARIA.name);
  await page.goto("/admin/ekonomi/samlingsfakturering");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/en/admin/billing/invoicing-run");
  await expectNoAxeViolations(page);
  await page.goto("/admin/ekonomi/samlingsfakturering");
  await page.getByLabel("Förbättringsverkstad", { exact: true }).selectOption({ label: `${workshop.title}, samlingsfaktureras` });
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page.getByRole("table").filter({ hasText: "SAMLAD-2026" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Skapa fakturor" }).click();
  await expect(page.getByRole("heading", { name: "Resultat" })).toBeFocused();
  const issued = page.getByRole("table", { name: "Skapade fakturor" });
  await expect(issued).toContainText("SAMLAD-2026");
  await expectNoAxeViolations(page);

  const ublLinks = issued.getByRole("link", { name: /^E-faktura \(XML\)/ });
  expect(await ublLinks.count()).toBeGreaterThan(0);
  for (const link of await ublLinks.all()) {
    const ubl = await page.request.get((await link.getAttribute("href"))!);
    expect(ubl.status()).toBe(200);
    expect(ubl.headers()["content-type"]).toContain("xml");
    const xml = await ubl.text();
    expect(xml).toContain("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
    expect(xml).toMatch(/<cbc:BuyerReference>[^<]+<\/cbc:BuyerReference>/);
  }
  const [pending] = await query<{ n: number }>(
    `select count(*)::int as n from "OrderLine" ol join "Order" o on o.id = ol."orderId" join "Booking" b on b.id = ol."bookingId"
      where o."workshopId" = $1 and o."paymentMethod" = 'INVOICE' and b.status = 'CONFIRMED'
        and not exists (select 1 from "InvoiceLine" il where il."orderLineId" = ol.id)`,
    [workshop.id],
  );
  expect(pending!.n).toBe(0);
});
