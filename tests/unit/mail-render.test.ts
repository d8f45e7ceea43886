import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { CalendarFile, CalendarSession } from "@/lib/calendar-files/calendar-data";
import { renderEmail } from "@/lib/mail/render";
import en from "@/messages/emails.en.json";
import sv from "@/messages/emails.sv.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("e-mail texts", () => {
  it("have the same keys and placeholders in Swedish and English", () => {
    expect(keys(sv).sort()).toEqual(keys(en).sort());
    for (const key of keys(sv)) {
      const get = (o: object) => key.split(".").reduce<unknown>((acc, part) => (acc as Record<string, unknown>)[part], o) as string;
      expect(placeholders(get(en)), key).toEqual(placeholders(get(sv)));
    }
  });

  it.each(["sv", "en"] as const)("render the sign-in e-mail in %s with every value filled in", (locale) => {
    const mail = renderEmail("magic-link", { url: "https://verkstad.example/api/auth/callback/email?token=t&email=a%40b.se", expiresMinutes: 30 }, locale, "https://verkstad.example");
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}/);
    expect(mail.text).toContain("https://verkstad.example/api/auth/callback/email?token=t&email=a%40b.se");
    expect(mail.text).toContain("30");
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.html).toContain("token=t&amp;email=a%40b.se"); // escaped in HTML
  });

  it("names the granted role in the reader's language and escapes names", () => {
    const mail = renderEmail("role-granted", { role: "COORDINATOR", grantedBy: "<Maria>" }, "sv", "http://localhost:3000");
    expect(mail.text).toContain("rollen samordnare");
    expect(mail.html).toContain("&lt;Maria&gt;");
    expect(mail.html).not.toContain("<Maria>");
  });

  it("refuses an unknown template", () => {
    expect(() => renderEmail("nope", {}, "sv", "http://localhost:3000")).toThrow(/Unknown e-mail template/);
  });
});

const lecture: CalendarSession = {
  kind: "lecture", id: "lec1", title: "Ledarskap i förändring",
  startsAt: "2027-02-04T08:00:00.000Z", endsAt: "2027-02-04T11:00:00.000Z", sequence: 2,
  workshopTitle: "Förbättringsverkstad 2026/27", workshopSlug: "verkstad-2026", lectureSlug: "ledarskap", lecturer: "Karin Berg",
  venue: { name: "Navet", streetAddress: "Västerlånggatan 5", postalCode: "503 30", city: "Borås" },
};
const gathering: CalendarSession = {
  ...lecture, kind: "gathering", id: "gat1", title: "Samling 1: Uppstart", lectureSlug: null, lecturer: null,
  startsAt: "2027-01-14T08:00:00.000Z", endsAt: "2027-01-14T15:00:00.000Z", sequence: 0,
};
const calendar = (method: CalendarFile["method"], sessions = [lecture, gathering]): CalendarFile => ({
  method, status: "CONFIRMED", organizer: { name: "FoU Sjuhärad Välfärd", email: "fou@sjuharad.test" }, attendee: { name: "Anna Lind", email: "anna@boras.test" }, sessions,
});
const APP = "https://verkstad.example";

function icsEvents(content: string) {
  const parsed = new ICAL.Component(ICAL.parse(content));
  return {
    method: parsed.getFirstPropertyValue("method"),
    events: parsed.getAllSubcomponents("vevent").map((v) => ({ uid: v.getFirstPropertyValue("uid"), status: v.getFirstPropertyValue("status"), sequence: v.getFirstPropertyValue("sequence") })),
  };
}

describe("booking e-mails", () => {
  it("list the sessions as dated lines in Stockholm time, in order, and attach them as an .ics invitation", () => {
    const payload = { reference: "VK-2610-ABC123", workshop: "Förbättringsverkstad 2026/27", people: "Anna Lind", totalInclVatOre: 1_200_000, calendar: calendar("REQUEST") };
    const mail = renderEmail("booking-confirmed", payload, "sv", APP, new Date("2026-10-01T10:00:00Z"));
    expect(mail.subject).toBe("Din bokning VK-2610-ABC123 är bekräftad");
    expect(mail.text).toContain(
      "torsdag 14 januari 2027 kl. 09.00–16.00: Samling 1: Uppstart, Navet, Västerlånggatan 5, 503 30 Borås\n" +
        "torsdag 4 februari 2027 kl. 09.00–12.00: Ledarskap i förändring, Navet, Västerlånggatan 5, 503 30 Borås",
    );
    expect(mail.text).toMatch(/Summa: 12\s000\skr/);
    expect(mail.text).toContain("Kalenderfilen (.ics) i mejlet lägger in tillfällena i din kalender.");
    expect(mail.text).toContain("https://verkstad.example/mina-bokningar");
    expect(mail.html).toContain("Samling 1: Uppstart, Navet, Västerlånggatan 5, 503 30 Borås<br>");
    expect(mail.calendar).toMatchObject({ method: "REQUEST", filename: "verkstad-forbattringsverkstad-2026-27.ics" });
    const ics = icsEvents(mail.calendar!.content);
    expect(ics.method).toBe("REQUEST");
    expect(ics.events.map((e) => e.uid)).toEqual(["gathering-gat1@verkstad", "lecture-lec1@verkstad"]);
  });

  it("write the lines in English for an English reader", () => {
    const mail = renderEmail("booked-by-colleague", { bookedBy: "Maria", workshop: "W", sessions: "ignored", invited: "no", calendar: calendar("REQUEST", [lecture]) }, "en", APP);
    expect(mail.text).toContain("Thursday, 4 February 2027, 09:00–12:00: Ledarskap i förändring, Navet, Västerlånggatan 5, 503 30 Borås");
    expect(mail.text).not.toContain("ignored");
    expect(mail.text).toContain("https://verkstad.example/en/my-bookings");
  });

  it("list an order's sessions (sessionList) also when the reader gets no calendar of their own", () => {
    const payload = { reference: "VK-1", workshop: "W", sessions: "Ledarskap i förändring", people: "Bo, Cia", totalInclVatOre: 380_000, holdExpiresAt: "2026-10-01T10:30:00.000Z", sessionList: [lecture] };
    const mail = renderEmail("booking-received", payload, "sv", APP);
    expect(mail.text).toContain("torsdag 4 februari 2027 kl. 09.00–12.00: Ledarskap i förändring");
    expect(mail.text).toContain("Platserna är reserverade till torsdag 1 oktober 2026 12.30.");
    expect(mail.calendar).toBeNull();
    expect(mail.text).not.toContain(".ics");
  });

  it("fall back to the session titles they were queued with when there is no calendar data", () => {
    const payload = { reference: "VK-1", workshop: "W", sessions: "Föreläsning A\nFöreläsning B", people: "Bo", totalInclVatOre: 100, holdExpiresAt: "2026-10-01T10:30:00.000Z" };
    const mail = renderEmail("booking-received", payload, "sv", APP);
    expect(mail.text).toContain("Föreläsning A\nFöreläsning B");
    expect(mail.calendar).toBeNull();
  });

  it("cancel with METHOD:CANCEL, STATUS:CANCELLED and a higher SEQUENCE", () => {
    const mail = renderEmail("booking-cancelled", { workshop: "Förbättringsverkstad 2026/27", calendar: calendar("CANCEL", [lecture]) }, "sv", APP);
    expect(mail.subject).toBe("Avbokat: Förbättringsverkstad 2026/27");
    expect(mail.text).toContain("Kalenderfilen (.ics) i mejlet tar bort tillfällena ur din kalender.");
    expect(mail.calendar?.method).toBe("CANCEL");
    expect(icsEvents(mail.calendar!.content)).toEqual({ method: "CANCEL", events: [{ uid: "lecture-lec1@verkstad", status: "CANCELLED", sequence: 3 }] });
  });

  it("refuse malformed calendar data instead of sending a broken file", () => {
    expect(() => renderEmail("booking-cancelled", { workshop: "W", calendar: { method: "CANCEL", sessions: [{ kind: "x" }] } }, "sv", APP)).toThrow();
  });
});
