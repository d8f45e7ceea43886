/**
 * Demo data: the 2026/27 improvement workshop of a fictional FoU unit. The seed is a reset: it
 * empties every table (except the migrations log) and inserts the demo in one transaction, so it
 * can run any number of times. Run through `npm run db:seed`.
 */
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatOrgNumber, peppolEndpointFor, withCheckDigit } from "@/lib/domain/invoicing/org-number";
import { createPrismaClient } from "@/lib/prisma-client";
import {
  createBooking,
  createGathering,
  createLecture,
  createLecturer,
  createOrganisation,
  createOrganiser,
  createProjectPm,
  createSupervision,
  createSupervisionMeeting,
  createUser,
  createVenue,
  createWorkshop,
} from "@/tests/factories";
import { DEMO_USERS, DEMO_WORKSHOP_SLUG, DRAFT_WORKSHOP_SLUG, INTEREST_ORGANISATIONS, MEMBER_MUNICIPALITIES } from "./demo-data";

export async function seedDemo(db: PrismaClient): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    select tablename from pg_tables where schemaname = current_schema() and tablename <> '_prisma_migrations'`;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`truncate table ${tables.map((t) => `"${t.tablename}"`).join(", ")} restart identity cascade`);

      const organiser = await createOrganiser(tx, {
        name: "FoU Sjuhärad Välfärd (demo)",
        orgNumber: formatOrgNumber(withCheckDigit("222000123")),
        vatNumber: `SE${withCheckDigit("222000123")}01`,
        bankgiro: "5050-1055",
        email: "fou@verkstad.test",
        phone: "033-35 70 00",
        streetAddress: "Skaraborgsvägen 3",
        postalCode: "506 30",
        city: "Borås",
        peppolEndpoint: peppolEndpointFor(withCheckDigit("222000123")),
      });

      const orgs = new Map<string, string>();
      for (const [i, name] of MEMBER_MUNICIPALITIES.entries()) {
        const digits = withCheckDigit(`212000${String(150 + i * 37).padStart(3, "0")}`);
        const o = await createOrganisation(tx, {
          name,
          type: "MEMBER_MUNICIPALITY",
          orgNumber: `${digits.slice(0, 6)}-${digits.slice(6)}`,
          peppolEndpoint: `0007:${digits}`,
          invoiceStreet: "Box 100",
          invoicePostal: "500 01",
          // "Marks kommun" → Mark, "Borås stad" → Borås (a genitive s, not the s of -ås).
          invoiceCity: name.replace(/ (stad|kommun)$/, "").replace(/(?<!å)s$/, ""),
          invoiceEmail: `faktura@${i}.kommun.test`,
        });
        orgs.set(name, o.id);
      }
      for (const [i, name] of INTEREST_ORGANISATIONS.entries()) {
        const o = await createOrganisation(tx, { name, type: "INTEREST_ORGANISATION", orgNumber: formatOrgNumber(withCheckDigit(`802400${String(410 + i).padStart(3, "0")}`)) });
        orgs.set(name, o.id);
      }

      const users = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const row = await createUser(tx, {
          email: u.email,
          name: u.name,
          title: u.title,
          roles: u.roles,
          locale: u.locale ?? "sv",
          organisationId: u.organisation ? orgs.get(u.organisation) : null,
          supervisionLimit: u.roles.includes("SUPERVISOR") ? 6 : null,
        });
        users.set(u.email, row.id);
      }
      const id = (email: string) => {
        const v = users.get(email);
        if (!v) throw new Error(`No demo user ${email}`);
        return v;
      };

      const boras = await createVenue(tx, {
        name: "Borås Kongress",
        streetAddress: "Skaraborgsvägen 3",
        postalCode: "506 30",
        city: "Borås",
        accessibilityNotes: "Entré utan trappsteg, hiss till alla våningar och tillgänglighetsanpassad toalett. Hörslinga i stora salen.",
      });
      const ulricehamn = await createVenue(tx, {
        name: "Ulricehamns stadshus, Sjösalen",
        streetAddress: "Nygatan 24",
        postalCode: "523 30",
        city: "Ulricehamn",
        accessibilityNotes: "Hiss från entréplanet. Parkering för rörelsehindrade vid huvudentrén.",
      });

      const workshop = await createWorkshop(tx, {
        organiserId: organiser.id,
        slug: DEMO_WORKSHOP_SLUG,
        edition: "2026/27",
        title: "Förbättringsverkstad 2026/27",
        summary: "Ett halvår av föreläsningar, praktiskt verkstadsarbete och handledning för dig som leder utvecklingsarbete i kommunal välfärd.",
        description:
          "Förbättringsverkstaden ger dig teoretiska och praktiska kunskaper och stöd för att genomföra förändrings- och förbättringsarbete i din egen verksamhet. Du kan gå på en eller flera föreläsningar, eller delta i hela verkstaden. Deltar du i hela verkstaden kan du ta med ett eget förbättringsarbete: då skickar du in ett projekt-PM före start, får handledning i ungefär fem månader och redovisar vid uppföljningen ett halvår efter avslutningen. Räkna med att din arbetsgivare behöver avsätta arbetstid mellan samlingarna.",
        status: "PUBLISHED",
        startsOn: "2027-01-14",
        endsOn: "2027-06-10",
        pmDeadline: "2027-01-08",
        cancellationDeadline: "2026-12-31",
        followUpOn: "2027-12-09",
        packageCapacity: 30,
        packagePriceMemberOre: 1_200_000,
        packagePriceNonMemberOre: 1_600_000,
        packageVatRateBp: 0,
      });

      const gatherings = [
        ["2027-01-14", "Uppstart: från problem till förbättringsidé", boras],
        ["2027-02-11", "Kartlägga och förstå nuläget", ulricehamn],
        ["2027-03-11", "Mäta för förbättring", boras],
        ["2027-04-08", "Förändringsidéer och PDSA-cykler", ulricehamn],
        ["2027-05-12", "Spridning och implementering", boras],
        ["2027-06-10", "Avslutning: resultat och lärdomar", boras],
      ] as const;
      for (const [i, [date, title, venue]] of gatherings.entries()) {
        await createGathering(tx, { workshopId: workshop.id, venueId: venue.id, number: i + 1, title: `Samling ${i + 1}: ${title}`, date, capacity: 40 });
      }

      const lecturers = await Promise.all(
        [
          ["Helena Strand", "Högskolan i Borås"],
          ["Mats Johansson", "Jönköping University"],
          ["Anna-Karin Wik", "Göteborgs universitet"],
          ["Jonas Lund", "FoU-nätverket Väst (demo)"],
        ].map(([name, affiliation]) => createLecturer(tx, { name, affiliation })),
      );
      const lecturer = (i: number) => lecturers[i % lecturers.length]!.id;
      const lectureDefs = [
        ["att-leda-forbattringsarbete", "Att leda förbättringsarbete", "Ledarskap", "2027-01-28", "09:00", "12:00", boras, 50],
        ["att-skriva-ett-projekt-pm", "Att skriva ett projekt-PM", "Projektplanering", "2027-01-28", "13:00", "16:00", boras, 50],
        ["matning-for-forbattring", "Mätning för förbättring", "Mätning och uppföljning", "2027-02-25", "09:00", "12:00", ulricehamn, 45],
        ["brukarmedverkan-i-utvecklingsarbete", "Brukarmedverkan i utvecklingsarbete", "Brukarmedverkan", "2027-03-25", "13:00", "16:00", boras, 60],
        ["larande-organisation", "En lärande och utvecklingsinriktad arbetsplats", "Lärande organisation", "2027-04-22", "09:00", "12:00", ulricehamn, 40],
        ["utvardera-insatser", "Utvärdera insatser i socialtjänsten", "Utvärdering", "2027-05-06", "09:00", "12:00", boras, 50],
        ["digitalisering-i-valfarden", "Digitalisering i välfärden", "Digitalisering", "2027-05-20", "13:00", "16:00", ulricehamn, 45],
        ["implementering-och-spridning", "Implementering och spridning", "Implementering", "2027-06-03", "09:00", "12:00", boras, 50],
      ] as const;
      const lectures: Awaited<ReturnType<typeof createLecture>>[] = [];
      for (const [i, [slug, title, theme, date, from, to, venue, capacity]] of lectureDefs.entries()) {
        lectures.push(
          await createLecture(tx, {
            workshopId: workshop.id,
            venueId: venue.id,
            lecturerId: lecturer(i),
            slug,
            title,
            theme,
            date,
            from,
            to,
            capacity,
            description: `Föreläsning på temat ${theme.toLowerCase()}, med exempel från kommunal välfärd och tid för frågor.`,
            priceMemberOre: 190_000,
            priceNonMemberOre: 240_000,
            vatRateBp: 0,
            // A cancelled lecture stays in the calendar, marked as cancelled.
            status: slug === "digitalisering-i-valfarden" ? "CANCELLED" : "PUBLISHED",
          }),
        );
      }
      const lecture = (slug: string) => lectures.find((l) => l.slug === slug)!;

      // Package bookings: with and without own project, one made by a manager for a colleague.
      const pkg = (email: string, ownProject: boolean, bookedBy?: string) =>
        createBooking(tx, { kind: "PACKAGE", workshopId: workshop.id, participantId: id(email), ownProject, bookedById: bookedBy ? id(bookedBy) : undefined });
      const b1 = await pkg("deltagare1@verkstad.test", true);
      const b2 = await pkg("deltagare2@verkstad.test", true);
      const b3 = await pkg("deltagare3@verkstad.test", true);
      const b4 = await pkg("deltagare4@verkstad.test", true);
      await pkg("deltagare5@verkstad.test", false, "chef.boras@verkstad.test");

      // Single lectures in several states.
      await createBooking(tx, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture("matning-for-forbattring").id, participantId: id("deltagare6@verkstad.test") });
      await createBooking(tx, {
        kind: "LECTURE",
        workshopId: workshop.id,
        lectureId: lecture("brukarmedverkan-i-utvecklingsarbete").id,
        participantId: id("deltagare6@verkstad.test"),
        status: "PENDING_PAYMENT",
        holdExpiresAt: new Date(Date.now() + 30 * 60_000),
      });
      await createBooking(tx, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture("att-leda-forbattringsarbete").id, participantId: id("participant.en@verkstad.test"), status: "CANCELLED" });
      await createBooking(tx, { kind: "LECTURE", workshopId: workshop.id, lectureId: lecture("att-leda-forbattringsarbete").id, participantId: id("chef.boras@verkstad.test") });

      // Fill the lecture on learning organisations, and nearly fill the one on measurement.
      const full = lecture("larande-organisation");
      const nearly = lecture("matning-for-forbattring");
      await tx.lecture.update({ where: { id: full.id }, data: { seatsTaken: full.capacity } });
      await tx.lecture.update({ where: { id: nearly.id }, data: { seatsTaken: nearly.capacity - 3 } });

      // Project PMs in several states.
      const coordinator = id("samordnare@verkstad.test");
      await createProjectPm(tx, { bookingId: b1.id, workshopId: workshop.id, participantId: b1.participantId, status: "DRAFT", texts: { title: "Strukturerad överrapportering i äldreomsorgen", need: "", backgroundPurpose: "" } });
      await createProjectPm(tx, {
        bookingId: b2.id,
        workshopId: workshop.id,
        participantId: b2.participantId,
        status: "SUBMITTED",
        reviewerId: coordinator,
        texts: {
          title: "Tryggare hemgång från sjukhus",
          need: "Flera brukare har kommit hem utan att hemtjänsten fått veta det i tid.",
          backgroundPurpose: "Syftet är att alla hemgångar ska planeras gemensamt senast dagen före.",
          workplace: "Hemtjänsten Kinna",
          unit: "Äldreomsorg",
        },
      });
      await createProjectPm(tx, {
        bookingId: b3.id,
        workshopId: workshop.id,
        participantId: b3.participantId,
        status: "CHANGES_REQUESTED",
        reviewerId: coordinator,
        comment: "Bra idé! Beskriv gärna hur ni ska veta att det blivit bättre: vad mäter ni?",
        texts: { title: "Fler meningsfulla aktiviteter på särskilt boende", method: null, workplace: "Ekbackens boende", unit: "Vård- och omsorgsboende" },
      });
      const accepted = await createProjectPm(tx, { bookingId: b4.id, workshopId: workshop.id, participantId: b4.participantId, status: "ACCEPTED", reviewerId: coordinator });
      const supervision = await createSupervision(tx, {
        pmId: accepted.id,
        supervisorId: id("handledare@verkstad.test"),
        assignedById: coordinator,
        startsOn: "2027-01-14",
        endsOn: "2027-06-14",
        plannedMeetings: 5,
      });
      await createSupervisionMeeting(tx, { supervisionId: supervision.id, loggedById: id("handledare@verkstad.test"), heldOn: "2027-02-10" });

      // Next year's edition is a draft: it must never be public.
      const draft = await createWorkshop(tx, {
        organiserId: organiser.id,
        slug: DRAFT_WORKSHOP_SLUG,
        edition: "2027/28",
        title: "Förbättringsverkstad 2027/28",
        status: "DRAFT",
        startsOn: "2028-01-13",
        endsOn: "2028-06-08",
        pmDeadline: "2028-01-07",
        cancellationDeadline: "2027-12-31",
        followUpOn: "2028-12-07",
      });
      await createGathering(tx, { workshopId: draft.id, venueId: boras.id, number: 1, title: "Samling 1: Uppstart (utkast)", date: "2028-01-13", status: "DRAFT" });
      await createLecture(tx, { workshopId: draft.id, venueId: boras.id, lecturerId: lecturer(0), slug: "hemlig-forelasning", title: "Utkast: ny föreläsning", date: "2028-02-03", status: "DRAFT" });
    },
    { timeout: 60_000 },
  );

  const counts = {
    workshops: await db.workshop.count(),
    gatherings: await db.gathering.count(),
    lectures: await db.lecture.count(),
    venues: await db.venue.count(),
    organisations: await db.organisation.count(),
    users: await db.user.count(),
    bookings: await db.booking.count(),
    projectPms: await db.projectPm.count(),
  };
  return counts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through npm run db:seed");
  const db = createPrismaClient(url);
  seedDemo(db)
    .then((counts) => console.log(`[seed] demo data: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}`))
    .finally(() => db.$disconnect())
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
