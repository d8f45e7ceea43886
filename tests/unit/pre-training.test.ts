import { describe, expect, it } from "vitest";
import {
  isPreTrainingOpen,
  missingAnswers,
  needsPreTrainingForm,
  normaliseAnswer,
  preTrainingClosesAt,
  preTrainingState,
  summarisePreTraining,
  type PreTrainingAnswers,
} from "@/lib/domain/pre-training";
import { renderEmail } from "@/lib/mail/render";

const at = (iso: string) => new Date(iso);

describe("who fills in the form", () => {
  it.each([
    ["PACKAGE", "PENDING_PAYMENT", true],
    ["PACKAGE", "CONFIRMED", true],
    ["PACKAGE", "CANCELLED", false],
    ["PACKAGE", "EXPIRED", false],
    ["LECTURE", "CONFIRMED", false],
    ["LECTURE", "PENDING_PAYMENT", false],
  ] as const)("a %s booking that is %s: %s", (kind, status, expected) => {
    expect(needsPreTrainingForm({ kind, status })).toBe(expected);
  });
});

describe("editable until the workshop starts", () => {
  // First gathering Thursday 14 January 2027, 09:00 Stockholm (08:00 UTC, winter time).
  const firstGathering = at("2027-01-14T08:00:00Z");

  it("closes at the earliest gathering's start, whatever order they come in", () => {
    expect(preTrainingClosesAt([at("2027-02-11T08:00:00Z"), firstGathering, at("2027-03-11T08:00:00Z")], "2027-01-14")).toEqual(firstGathering);
  });

  it("without a scheduled gathering, closes at the start of the workshop's first day in Stockholm", () => {
    expect(preTrainingClosesAt([], "2027-01-14")).toEqual(at("2027-01-13T23:00:00Z"));
    // Summer time: midnight in Stockholm is 22:00 UTC the day before.
    expect(preTrainingClosesAt([], "2026-09-13")).toEqual(at("2026-09-12T22:00:00Z"));
  });

  it.each([
    ["2026-12-01T10:00:00Z", true],
    ["2027-01-14T07:59:59.999Z", true],
    ["2027-01-14T08:00:00.000Z", false], // the moment it starts
    ["2027-01-14T08:00:00.001Z", false],
    ["2027-06-01T10:00:00Z", false],
  ])("at %s: open %s", (now, open) => {
    expect(isPreTrainingOpen(firstGathering, at(now))).toBe(open);
  });
});

describe("required answers", () => {
  const complete: PreTrainingAnswers = {
    expectedGain: "Bättre överlämningar.",
    disseminationPlan: "Berätta på APT.",
    managerName: "Karin Chef",
    managerEmail: "karin@kommun.se",
    agreedWithManager: true,
  };

  it("a complete form misses nothing", () => {
    expect(missingAnswers(complete)).toEqual({});
  });

  it.each([
    ["expectedGain", { expectedGain: "" }, "required"],
    ["expectedGain", { expectedGain: "   \n  " }, "required"],
    ["disseminationPlan", { disseminationPlan: "" }, "required"],
    ["managerName", { managerName: " " }, "required"],
    ["managerEmail", { managerEmail: "" }, "required"],
    ["agreedWithManager", { agreedWithManager: false }, "mustAgree"],
  ] as const)("%s: %j is %s", (field, change, key) => {
    expect(missingAnswers({ ...complete, ...change })).toEqual({ [field]: key });
  });

  it("an empty draft misses everything", () => {
    expect(Object.keys(missingAnswers({ expectedGain: "", disseminationPlan: "", managerName: "", managerEmail: "", agreedWithManager: false })).sort()).toEqual(
      ["agreedWithManager", "disseminationPlan", "expectedGain", "managerEmail", "managerName"],
    );
  });

  it("counts a line break as one character, as the reader sees it", () => {
    expect(normaliseAnswer("  Rad ett\r\nRad två\rRad tre  ")).toBe("Rad ett\nRad två\nRad tre");
  });
});

describe("state and completion", () => {
  it.each([
    [null, "NOT_STARTED"],
    [{ submittedAt: null, managerConfirmedAt: null }, "DRAFT"],
    [{ submittedAt: at("2027-01-02T10:00:00Z"), managerConfirmedAt: null }, "SUBMITTED"],
    [{ submittedAt: at("2027-01-02T10:00:00Z"), managerConfirmedAt: at("2027-01-03T10:00:00Z") }, "CONFIRMED"],
  ] as const)("%j is %s", (form, state) => {
    expect(preTrainingState(form)).toBe(state);
  });

  it("counts per organisation, lists who is missing alphabetically and puts 'no organisation' last", () => {
    const submitted = at("2027-01-02T10:00:00Z");
    const confirmed = at("2027-01-03T10:00:00Z");
    const { organisations, total } = summarisePreTraining([
      { participantName: "Örjan Ek", organisationName: "Borås stad", submittedAt: null, managerConfirmedAt: null },
      { participantName: "Anna Berg", organisationName: "Borås stad", submittedAt: submitted, managerConfirmedAt: confirmed },
      { participantName: "Åsa Lind", organisationName: "Borås stad", submittedAt: null, managerConfirmedAt: null },
      { participantName: "Bo Alm", organisationName: "Borås stad", submittedAt: submitted, managerConfirmedAt: null },
      { participantName: "Eva Strand", organisationName: null, submittedAt: null, managerConfirmedAt: null },
      { participantName: "Cecilia Holm", organisationName: "Alingsås kommun", submittedAt: submitted, managerConfirmedAt: confirmed },
    ]);
    expect(organisations.map((o) => o.organisationName)).toEqual(["Alingsås kommun", "Borås stad", null]);
    expect(organisations[1]).toEqual({
      organisationName: "Borås stad",
      participants: 4,
      submitted: 2,
      confirmed: 1,
      // Swedish order: Å before Ö, both after Z.
      missing: ["Åsa Lind", "Örjan Ek"],
      awaitingManager: ["Bo Alm"],
    });
    expect(total).toMatchObject({ participants: 6, submitted: 3, confirmed: 2, missing: ["Eva Strand", "Åsa Lind", "Örjan Ek"], awaitingManager: ["Bo Alm"] });
  });

  it("no participants: nothing to count", () => {
    expect(summarisePreTraining([])).toEqual({
      organisations: [],
      total: { organisationName: null, participants: 0, submitted: 0, confirmed: 0, missing: [], awaitingManager: [] },
    });
  });
});

describe("the e-mail to the manager", () => {
  const params = { url: "https://verkstad.example/chef-bekraftar/abc_DEF-123", managerName: "Karin <Chef>", participant: "Anna Berg", workshop: "Förbättringsverkstad 2026/27" };

  it.each(["sv", "en"] as const)("renders in %s with every value filled in and the link", (locale) => {
    const mail = renderEmail("manager-confirmation-request", params, locale, "https://verkstad.example");
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\w+\}/);
    expect(mail.subject).toContain("Anna Berg");
    expect(mail.text).toContain(params.url);
    expect(mail.html).toContain(`href="${params.url}"`);
    expect(mail.html).toContain("Karin &lt;Chef&gt;");
    expect(mail.html).not.toContain("<Chef>");
  });
});
