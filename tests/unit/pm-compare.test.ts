/**
 * Comparing two versions of a project PM: word-level insertions and deletions per field, spacing
 * not counted as a change, the attachment compared by content, and the parts always adding up to
 * the two texts.
 */
import { describe, expect, it } from "vitest";
import { compareRevisions, diffWords, PM_TEXT_FIELDS, tokenize, type ComparableRevision, type WordPart } from "@/lib/domain/pm/compare";

const joined = (parts: WordPart[], kinds: WordPart["kind"][]) =>
  parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join("");
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("tokenize", () => {
  it("keeps each word with the spacing after it, and leading spacing on the first", () => {
    expect(tokenize("  a  b\nc")).toEqual([
      { word: "a", text: "  a  " },
      { word: "b", text: "b\n" },
      { word: "c", text: "c" },
    ]);
    expect(tokenize("")).toEqual([]);
    expect(tokenize("   ")).toEqual([]);
  });
});

describe("diffWords", () => {
  it.each<[string, string, string, WordPart[]]>([
    ["identical", "Minskad väntetid", "Minskad väntetid", [{ kind: "same", text: "Minskad väntetid" }]],
    ["both empty", "", "", []],
    ["from empty", "", "Ny text", [{ kind: "ins", text: "Ny text" }]],
    ["to empty", "Gammal text", "", [{ kind: "del", text: "Gammal text" }]],
    [
      "a word inserted in the middle",
      "väntar tre veckor",
      "väntar nästan tre veckor",
      [
        { kind: "same", text: "väntar " },
        { kind: "ins", text: "nästan " },
        { kind: "same", text: "tre veckor" },
      ],
    ],
    [
      "a word deleted at the end",
      "mäta varje vecka",
      "mäta varje",
      [
        { kind: "same", text: "mäta varje" },
        { kind: "del", text: "vecka" },
      ],
    ],
    [
      "a word replaced: the deletion comes first",
      "tre veckor i snitt",
      "fyra veckor i snitt",
      [
        { kind: "del", text: "tre " },
        { kind: "ins", text: "fyra " },
        { kind: "same", text: "veckor i snitt" },
      ],
    ],
    [
      "a word appended after a last word without spacing",
      "a b",
      "a b c",
      [
        { kind: "same", text: "a b " },
        { kind: "ins", text: "c" },
      ],
    ],
  ])("%s", (_, before, after, expected) => {
    expect(diffWords(before, after)).toEqual(expected);
  });

  it("does not count spacing or line breaks as a change", () => {
    const parts = diffWords("Kartläggning av flödet", "Kartläggning  av\nflödet");
    expect(parts).toEqual([{ kind: "same", text: "Kartläggning  av\nflödet" }]);
  });

  it("compares whole words: a changed ending is the word out and the new word in", () => {
    expect(diffWords("brukare", "brukarna")).toEqual([
      { kind: "del", text: "brukare" },
      { kind: "ins", text: "brukarna" },
    ]);
  });

  it("keeps the longest common run of words when words move", () => {
    const parts = diffWords("a b c d e", "c d e a b");
    // Three words in common ("c d e") beat two ("a b").
    expect(joined(parts, ["same"]).split(/\s+/).filter(Boolean)).toEqual(["c", "d", "e"]);
  });

  it("the parts add up to both texts, for every pair of a small table of texts", () => {
    const texts = [
      "",
      "Nya brukare väntar i snitt tre veckor på första besöket.",
      "Nya brukare väntar i snitt fyra veckor på första besöket i hemtjänsten.",
      "Brukare väntar. I snitt tre veckor.\n\nFörsta besöket dröjer.",
      "tre tre tre veckor veckor",
    ];
    for (const before of texts) {
      for (const after of texts) {
        const parts = diffWords(before, after);
        expect(words(joined(parts, ["same", "ins"]))).toEqual(words(after));
        expect(words(joined(parts, ["same", "del"]))).toEqual(words(before));
        // Neighbouring parts of one kind are merged.
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.kind).not.toBe(parts[i - 1]?.kind);
        if (before === after) expect(parts.every((p) => p.kind === "same")).toBe(true);
      }
    }
  });

  it("gives a large rewrite as one deletion and one insertion instead of a huge table", () => {
    const before = Array.from({ length: 2100 }, (_, i) => `a${i}`).join(" ");
    const after = Array.from({ length: 2100 }, (_, i) => `b${i}`).join(" ");
    const parts = diffWords(`Start ${before} slut`, `Start ${after} slut`);
    expect(parts.map((p) => p.kind)).toEqual(["same", "del", "ins", "same"]);
  });
});

describe("compareRevisions", () => {
  const first: ComparableRevision = {
    title: "Minskad väntetid till hemtjänst",
    need: "Nya brukare väntar i snitt tre veckor.",
    backgroundPurpose: "Korta väntetiden.",
    method: null,
    workplace: "Hemtjänsten",
    unit: "Område norr",
    attachmentHash: null,
  };

  it("marks the changed fields and leaves the others unchanged, in the form's order", () => {
    const result = compareRevisions(first, { ...first, need: "Nya brukare väntar i snitt fyra veckor.", method: "PDSA-cykler." });
    expect(result.fields.map((f) => f.field)).toEqual([...PM_TEXT_FIELDS]);
    expect(result.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(["need", "method"]);
    expect(result.fields.find((f) => f.field === "method")?.parts).toEqual([{ kind: "ins", text: "PDSA-cykler." }]);
    expect(result).toMatchObject({ changed: true, attachmentChanged: false });
  });

  it("finds nothing changed between equal versions (a missing method equals an empty one)", () => {
    const result = compareRevisions(first, { ...first, method: "" });
    expect(result.changed).toBe(false);
    expect(result.fields.every((f) => !f.changed)).toBe(true);
  });

  it.each<[string | null, string | null, boolean]>([
    [null, null, false],
    [null, "abc", true],
    ["abc", null, true],
    ["abc", "abc", false],
    ["abc", "def", true],
  ])("attachment %s → %s changed: %s", (before, after, changed) => {
    const result = compareRevisions({ ...first, attachmentHash: before }, { ...first, attachmentHash: after });
    expect(result.attachmentChanged).toBe(changed);
    expect(result.changed).toBe(changed);
  });
});
