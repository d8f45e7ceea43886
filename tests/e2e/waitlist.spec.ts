import { expect, test, type Page } from "@playwright/test";
import { formatStockholmDate, formatStockholmTime } from "@/lib/domain/time";
import { demoSignIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { publishedWorkshop, query, type DemoWorkshop } from "./support/database";
import { capturedMail } from "./support/mail";

/*
 * After booking: the waiting list of a full lecture (join, offer when a seat frees, accept),
 * cancelling on Mina bokningar, and passing a place to a colleague. One story, so the tests run in
 * order and share the lecture.
 *
 * People (prisma/demo-data.ts): Lena Björk (Swedish) books the last seat and later cancels it; Nora
 * Quinn (English, her e-mail comes in English) joins the queue, gets the offer and takes it; Karin
 * Sjöberg (orderer at Borås stad) passes her demo lecture booking to a new colleague. Sara Nyström,
 * Ahmed Ali and the other Borås staff hold the whole workshop, which includes every lecture, so
 * they cannot take single lectures.
 */
test.describe.configure({ mode: "serial" });

type Person = { name: string; email: string };
const LENA: Person = { name: "Lena Björk", email: "deltagare6@verkstad.test" };
const NORA: Person = { name: "Nora Quinn", email: "participant.en@verkstad.test" };
const KARIN: Person = { name: "Karin Sjöberg", email: "chef.boras@verkstad.test" };

type Lecture = { id: string; slug: string; title: string; capacity: number; seatsTaken: number };
type BookingRow = { id: string; status: string; activeSessionKey: string | null; orderId: string | null; holdExpiresAt: Date | null; cancellationReason: string | null };
type EntryRow = { id: string; status: string; offerExpiresAt: Date | null };

let workshop: DemoWorkshop;
let lecture: Lecture;

const paths = {
  lecture: (locale: "sv" | "en") =>
    locale === "sv" ? `/verkstad/${workshop.slug}/forelasning/${lecture.slug}` : `/en/workshop/${workshop.slug}/lecture/${lecture.slug}`,
  book: (locale: "sv" | "en") => (locale === "sv" ? `/verkstad/${workshop.slug}/boka` : `/en/workshop/${workshop.slug}/book`),
  bookings: (locale: "sv" | "en") => (locale === "sv" ? "/mina-bokningar" : "/en/my-bookings"),
};

async function signInAs(page: Page, person: Person) {
  await page.context().clearCookies();
  await demoSignIn(page, person.name);
}

async function seats(lectureId: string): Promise<{ capacity: number; seatsTaken: number }> {
  const [row] = await query<{ capacity: number; seatsTaken: number }>(`select capacity, "seatsTaken" from "Lecture" where id = $1`, [lectureId]);
  if (!row) throw new Error(`No lecture ${lectureId}`);
  return row;
}

/** The person's bookings of the lecture, newest first. */
async function bookingsOf(email: string, lectureId: string): Promise<BookingRow[]> {
  return query<BookingRow>(
    `select b.id, b.status::text as status, b."activeSessionKey", b."orderId", b."holdExpiresAt", b."cancellationReason"
       from "Booking" b join "User" u on u.id = b."participantId"
      where u.email = $1 and b."lectureId" = $2 order by b."createdAt" desc, b.id`,
    [email, lectureId],
  );
}

async function entriesOf(email: string, lectureId: string): Promise<EntryRow[]> {
  return query<EntryRow>(
    `select w.id, w.status::text as status, w."offerExpiresAt"
       from "WaitlistEntry" w join "User" u on u.id = w."participantId"
      where u.email = $1 and w."lectureId" = $2 order by w."createdAt" desc, w.id`,
    [email, lectureId],
  );
}

test.beforeAll(async () => {
  workshop = await publishedWorkshop();
  // A coming lecture with seats that neither Lena nor Nora holds or queues for (alone or through
  // the whole workshop), and with nobody in its queue, so Nora will be first in line.
  const [open] = await query<Lecture>(
    `select l.id, l.slug, l.title, l.capacity, l."seatsTaken" from "Lecture" l
      where l."workshopId" = $1 and l.status = 'PUBLISHED' and l."startsAt" > now() and l."seatsTaken" < l.capacity
        and not exists (select 1 from "WaitlistEntry" w where w."activeSessionKey" = 'L:' || l.id)
        and not exists (
          select 1 from "Booking" b join "User" u on u.id = b."participantId"
           where u.email = any($2) and b."activeSessionKey" in ('L:' || l.id, 'P:' || l."workshopId"))
        and not exists (
          select 1 from "WaitlistEntry" w join "User" u on u.id = w."participantId"
           where u.email = any($2) and w."activeSessionKey" in ('L:' || l.id, 'P:' || l."workshopId"))
      order by l."startsAt", l.id limit 1`,
    [workshop.id, [LENA.email, NORA.email]],
  );
  if (!open) throw new Error("No lecture of the demo workshop that both Lena and Nora could book");
  // Test set-up, as an organiser lowering the capacity would: exactly one seat is left.
  await query(`update "Lecture" set capacity = "seatsTaken" + 1, "updatedAt" = now() where id = $1`, [open.id]);
  lecture = { ...open, capacity: open.seatsTaken + 1 };
});

test.describe("the waiting list of a full lecture", () => {
  test("a participant books the last seat from the lecture page", async ({ page }) => {
    await signInAs(page, LENA);
    await page.goto(paths.lecture("sv"));
    await expect(page.getByText("1 plats kvar")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Boka föreläsningen" }).click();
    await expect(page).toHaveURL(`${paths.book("sv")}?lecture=${lecture.slug}`);

    // The lecture comes chosen, with its last seat.
    const box = page.getByRole("checkbox", { name: lecture.title, exact: true });
    await expect(box).toBeChecked();
    await expect(page.getByRole("listitem").filter({ has: box })).toContainText("1 plats kvar");
    await expect(page.getByText("1 föreläsning, för 1 person.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Boka", exact: true }).click();
    const confirmation = page.getByRole("heading", { level: 2, name: "Tack! Vi har tagit emot bokningen" });
    await expect(confirmation).toBeVisible();
    await expect(confirmation).toBeFocused();
    await expectNoAxeViolations(page);

    const [booking] = await bookingsOf(LENA.email, lecture.id);
    expect(booking).toMatchObject({ status: "PENDING_PAYMENT", activeSessionKey: `L:${lecture.id}` });
    expect(await seats(lecture.id)).toEqual({ capacity: lecture.capacity, seatsTaken: lecture.capacity });
  });

  test("another participant finds the lecture full, joins its waiting list and is first in the queue", async ({ page }) => {
    await signInAs(page, NORA);
    // The lecture page says it is full, offers no booking, but leads to the waiting list.
    await page.goto(paths.lecture("sv"));
    await expect(page.getByText("Fullbokad").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Boka föreläsningen" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Ställ dig i kö" }).click();
    await expect(page).toHaveURL(/\/boka\?lecture=/);
    await page.getByRole("radio", { name: "En eller flera föreläsningar" }).check();
    const box = page.getByRole("checkbox", { name: lecture.title, exact: true });
    const item = page.getByRole("listitem").filter({ has: box });
    await expect(box).toBeDisabled();
    await expect(item).toContainText("Fullbokad. Det finns inga platser kvar.");
    await expectNoAxeViolations(page);
    const joinedAt = new Date();
    await item.getByRole("button", { name: `Ställ dig i kö till ${lecture.title}` }).click();

    const status = page.getByRole("status").filter({ hasText: "Anmälan till kön är klar" });
    await expect(status).toBeFocused();
    await expect(status).toContainText(`1 person står nu i kö till ${lecture.title}.`);
    await expect(status).toContainText("Din plats i kön: 1.");
    await expect(item).toContainText("Du står i kö till den här föreläsningen.");
    await expectNoAxeViolations(page);
    expect(await entriesOf(NORA.email, lecture.id)).toEqual([expect.objectContaining({ status: "WAITING", offerExpiresAt: null })]);

    // Mina bokningar: the queue place, in both languages.
    await status.getByRole("link", { name: "Till Mina bokningar" }).click();
    await expect(page).toHaveURL(paths.bookings("sv"));
    const queued = page.getByRole("region", { name: "Väntelistor" }).getByRole("article", { name: lecture.title });
    await expect(queued).toContainText("Plats 1 i kön");
    await expect(queued.getByRole("button", { name: `Lämna väntelistan för ${lecture.title}` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(paths.bookings("en"));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const queuedEn = page.getByRole("region", { name: "Waiting lists" }).getByRole("article", { name: lecture.title });
    await expect(queuedEn).toContainText("Place 1 in the queue");
    await expect(queuedEn.getByRole("button", { name: `Leave the waiting list for ${lecture.title}` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(paths.book("en"));
    await page.getByRole("radio", { name: "One or more lectures" }).check();
    const itemEn = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: lecture.title, exact: true }) });
    await expect(itemEn).toContainText("You are on the waiting list for this lecture.");
    await expect(itemEn.getByRole("button")).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Her confirmation comes in her language.
    const mail = await capturedMail(page, NORA.email, { subject: `You are on the waiting list for ${lecture.title}`, since: joinedAt });
    await expect(mail).toContainText(`${NORA.name} is now on the waiting list for ${lecture.title} (${workshop.title}), number 1 in the queue.`);
  });

  test("when the booking is cancelled, the first in the queue is offered the seat by e-mail", async ({ page }) => {
    await signInAs(page, LENA);
    await page.goto(paths.bookings("sv"));
    const card = page.getByRole("region", { name: "Kommande" }).getByRole("article", { name: lecture.title });
    await expect(card).toContainText("Väntar på betalning");
    await expectNoAxeViolations(page);

    // Cancelling asks first: it opens in a disclosure that says what happens.
    await card.locator("summary").filter({ hasText: "Avboka" }).click();
    await expect(card).toContainText("Platsen släpps till någon annan. Det går inte att ångra.");
    await card.getByLabel("Anledning (frivilligt)").fill("Jag kan inte komma.");
    await expectNoAxeViolations(page);
    const cancelledAt = new Date();
    await card.getByRole("button", { name: `Avboka platsen för ${lecture.title}` }).click();
    // The form goes with the booking; the page says what happened and takes the focus there.
    await expect(page.getByRole("status").filter({ hasText: "Bokningen är avbokad." })).toBeFocused();


    // The booking moves to the cancelled ones.
    const cancelled = page.getByRole("region", { name: "Avbokade och utgångna" }).getByRole("article", { name: lecture.title });
    await expect(cancelled).toContainText("Avbokad");
    await expect(page.getByRole("region", { name: "Kommande" }).getByRole("article", { name: lecture.title })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const [booking] = await bookingsOf(LENA.email, lecture.id);
    expect(booking).toMatchObject({ status: "CANCELLED", activeSessionKey: null, cancellationReason: "Jag kan inte komma." });
    // The seat went straight to the offer: it is still taken, now held for Nora.
    const [entry] = await entriesOf(NORA.email, lecture.id);
    expect(entry?.status).toBe("OFFERED");
    expect(entry?.offerExpiresAt?.getTime()).toBeGreaterThan(Date.now());
    expect(await seats(lecture.id)).toEqual({ capacity: lecture.capacity, seatsTaken: lecture.capacity });

    // Nora's offer, in English, with the time it stands until.
    const expires = entry!.offerExpiresAt!;
    const offer = await capturedMail(page, NORA.email, { subject: `A seat has become free: ${lecture.title}`, since: cancelledAt }, "en");
    await expect(offer).toContainText(`It is held for ${NORA.name} until ${formatStockholmDate(expires, "en")} ${formatStockholmTime(expires, "en")}.`);
    await expect(offer).toContainText("Accept it under My bookings before then.");
    await expectNoAxeViolations(page);

    // Lena's cancellation, with the calendar file that takes the lecture out of her calendar.
    const cancellation = await capturedMail(page, LENA.email, { subject: `Avbokat: ${workshop.title}`, containing: lecture.title, since: cancelledAt });
    await expect(cancellation).toContainText(`Din plats till ${workshop.title} är avbokad:`);
    await expect(cancellation).toContainText("Kalenderfilen (.ics) i mejlet tar bort tillfällena ur din kalender.");
    await expectNoAxeViolations(page);
  });

  test("the one offered sees the offer and its deadline on Mina bokningar and accepts it", async ({ page }) => {
    const [entry] = await entriesOf(NORA.email, lecture.id);
    const expires = entry!.offerExpiresAt!;
    await signInAs(page, NORA);

    await page.goto(paths.bookings("en"));
    const offerEn = page.getByRole("region", { name: "Waiting lists" }).getByRole("article", { name: lecture.title });
    await expect(offerEn).toContainText(`You are offered a seat – answer by ${formatStockholmDate(expires, "en")}, ${formatStockholmTime(expires, "en")}`);
    await expect(offerEn.getByRole("button", { name: `Accept the seat for ${lecture.title}` })).toBeVisible();
    await expect(offerEn.getByRole("button", { name: `Decline for ${lecture.title}` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(paths.bookings("sv"));
    const offer = page.getByRole("region", { name: "Väntelistor" }).getByRole("article", { name: lecture.title });
    await expect(offer).toContainText(`Du erbjuds en plats – svara senast ${formatStockholmDate(expires, "sv")} kl. ${formatStockholmTime(expires, "sv")}`);
    await expect(offer.getByRole("button", { name: `Tacka nej för ${lecture.title}` })).toBeVisible();
    await expectNoAxeViolations(page);
    const acceptedAt = new Date();
    await offer.getByRole("button", { name: `Tacka ja till platsen för ${lecture.title}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Du har tackat ja. Bokningen väntar nu på betalning." })).toBeFocused();


    // The offer became a booking that waits for payment.
    const card = page.getByRole("region", { name: "Kommande" }).getByRole("article", { name: lecture.title });
    await expect(card).toContainText(/Väntar på betalning – platsen hålls till (.+ )?kl\. \d{2}\.\d{2}/);
    await expect(page.getByRole("region", { name: "Väntelistor" }).getByRole("article", { name: lecture.title })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const [booking] = await bookingsOf(NORA.email, lecture.id);
    expect(booking).toMatchObject({ status: "PENDING_PAYMENT", activeSessionKey: `L:${lecture.id}` });
    expect(booking?.orderId).toBeTruthy();
    expect(booking?.holdExpiresAt?.getTime()).toBeGreaterThan(Date.now());
    await expect(card).toContainText(`kl. ${formatStockholmTime(booking!.holdExpiresAt!, "sv")}`);
    expect((await entriesOf(NORA.email, lecture.id))[0]?.status).toBe("ACCEPTED");
    // Accepting took no second seat: the offer's seat is the booking's.
    expect(await seats(lecture.id)).toEqual({ capacity: lecture.capacity, seatsTaken: lecture.capacity });
    const [order] = await query<{ reference: string; placedBy: string }>(
      `select o.reference, u.email as "placedBy" from "Order" o join "User" u on u.id = o."placedById" where o.id = $1`,
      [booking!.orderId],
    );
    expect(order?.placedBy).toBe(NORA.email);

    await page.goto(paths.bookings("en"));
    await expect(page.getByRole("region", { name: "Upcoming" }).getByRole("article", { name: lecture.title })).toContainText(
      "Waiting for payment – the seat is held until",
    );
    await expectNoAxeViolations(page);
    await page.goto(paths.book("en"));
    await page.getByRole("radio", { name: "One or more lectures" }).check();
    const itemEn = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: lecture.title, exact: true }) });
    await expect(itemEn).toContainText("You have already booked this lecture.");
    await expectNoAxeViolations(page);

    const received = await capturedMail(page, NORA.email, { subject: `We have received your booking ${order!.reference}`, since: acceptedAt }, "en");
    await expect(received).toContainText(lecture.title);
  });
});

test.describe("passing a place to a colleague", () => {
  test("an orderer passes her lecture booking to a new colleague: the old booking is cancelled, the new one takes its seat", async ({ page }) => {
    const colleague = `kollega.${Date.now()}@kommun.test`;
    // Karin's own lecture booking in the demo data.
    const [mine] = await query<{ id: string; status: string; orderId: string | null; lectureId: string; title: string; capacity: number; seatsTaken: number }>(
      `select b.id, b.status::text as status, b."orderId", l.id as "lectureId", l.title, l.capacity, l."seatsTaken"
         from "Booking" b join "User" u on u.id = b."participantId" join "Lecture" l on l.id = b."lectureId"
        where u.email = $1 and b.kind = 'LECTURE' and b."activeSessionKey" is not null and l."startsAt" > now()
        order by l."startsAt", b.id limit 1`,
      [KARIN.email],
    );
    if (!mine) throw new Error("The demo orderer has no lecture booking to pass on");

    await signInAs(page, KARIN);
    await page.goto(paths.bookings("sv"));
    const card = page.getByRole("region", { name: "Kommande" }).getByRole("article", { name: mine.title });
    await card.locator("summary").filter({ hasText: "Lämna över platsen till en kollega" }).click();
    await expect(card).toContainText("Kollegan tar över platsen och får ett mejl om den.");
    const email = card.getByLabel("Kollegans e-postadress");
    await expect(email).toHaveAccessibleDescription(/Kollegan behöver arbeta i samma organisation\./);
    await expectNoAxeViolations(page);

    // Someone of another organisation cannot take it over.
    await email.fill(LENA.email);
    await card.getByRole("button", { name: `Lämna över platsen för ${mine.title}` }).click();
    await expect(card).toContainText(`Du kan bara boka kollegor i din egen organisation. Kontrollera: ${LENA.email}.`);
    await expectNoAxeViolations(page);
    expect((await query<{ status: string }>(`select status::text as status from "Booking" where id = $1`, [mine.id]))[0]?.status).toBe(mine.status);

    await email.fill(colleague);
    const passedAt = new Date();
    await card.getByRole("button", { name: `Lämna över platsen för ${mine.title}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Platsen är överlämnad." })).toBeFocused();

    const old = page.getByRole("region", { name: "Avbokade och utgångna" }).getByRole("article", { name: mine.title });
    await expect(old).toContainText("Avbokad");
    await expect(page.getByRole("region", { name: "Kommande" }).getByRole("article", { name: mine.title })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const [before] = await query<{ status: string; activeSessionKey: string | null; cancellationReason: string | null }>(
      `select status::text as status, "activeSessionKey", "cancellationReason" from "Booking" where id = $1`,
      [mine.id],
    );
    expect(before).toEqual({ status: "CANCELLED", activeSessionKey: null, cancellationReason: "substituted" });
    const after = await query<{ status: string; activeSessionKey: string | null; orderId: string | null; participant: string; organisation: string; substitutedFromId: string }>(
      `select b.status::text as status, b."activeSessionKey", b."orderId", u.email as participant, o.name as organisation, b."substitutedFromId"
         from "Booking" b join "User" u on u.id = b."participantId" join "Organisation" o on o.id = u."organisationId"
        where b."substitutedFromId" = $1`,
      [mine.id],
    );
    expect(after).toEqual([
      { status: mine.status, activeSessionKey: `L:${mine.lectureId}`, orderId: mine.orderId, participant: colleague, organisation: "Borås stad", substitutedFromId: mine.id },
    ]);
    // The seat moved with the place: the counts are as they were.
    expect(await seats(mine.lectureId)).toEqual({ capacity: mine.capacity, seatsTaken: mine.seatsTaken });

    // The colleague is told, with the calendar file; Karin gets the cancellation of her own place.
    const booked = await capturedMail(page, colleague, { subject: `Du har blivit bokad till ${workshop.title}`, since: passedAt });
    await expect(booked).toContainText(`${KARIN.name} har bokat dig till ${workshop.title}:`);
    await expect(booked).toContainText(mine.title);
    await expect(booked).toContainText("Kalenderfilen (.ics) i mejlet lägger in tillfällena i din kalender.");
    await expectNoAxeViolations(page);
    await capturedMail(page, KARIN.email, { subject: `Avbokat: ${workshop.title}`, containing: mine.title, since: passedAt });
  });
});
