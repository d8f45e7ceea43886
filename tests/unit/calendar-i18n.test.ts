import { describe, expect, it } from "vitest";
import { alternatePath } from "@/lib/i18n/alternate-path";
import { paths } from "@/lib/i18n/paths";
import en from "@/messages/en.json";
import sv from "@/messages/sv.json";

describe("localized addresses", () => {
  it.each([
    ["calendar", paths.calendar("sv"), "/", paths.calendar("en"), "/en"],
    ["calendar month", paths.calendarMonth("sv", "2031-03"), "/kalendarium/2031-03", paths.calendarMonth("en", "2031-03"), "/en/calendar/2031-03"],
    ["workshop", paths.workshop("sv", "ht26"), "/verkstad/ht26", paths.workshop("en", "ht26"), "/en/workshop/ht26"],
    [
      "lecture",
      paths.lecture("sv", "ht26", "larande"),
      "/verkstad/ht26/forelasning/larande",
      paths.lecture("en", "ht26", "larande"),
      "/en/workshop/ht26/lecture/larande",
    ],
    ["accessibility", paths.accessibility("sv"), "/tillganglighet", paths.accessibility("en"), "/en/accessibility"],
    ["privacy", paths.privacy("sv"), "/personuppgifter", paths.privacy("en"), "/en/privacy"],
  ])("%s: Swedish and English", (_page, svPath, svWant, enPath, enWant) => {
    expect(svPath).toBe(svWant);
    expect(enPath).toBe(enWant);
  });
});

describe("alternatePath: the same page in the other language", () => {
  it.each([
    ["/", "sv", "en", "/en"],
    ["/en", "en", "sv", "/"],
    ["/en/", "en", "sv", "/"],
    ["/verkstad/ht26", "sv", "en", "/en/workshop/ht26"],
    ["/en/workshop/ht26", "en", "sv", "/verkstad/ht26"],
    ["/verkstad/ht26/forelasning/larande", "sv", "en", "/en/workshop/ht26/lecture/larande"],
    ["/en/workshop/ht26/lecture/larande", "en", "sv", "/verkstad/ht26/forelasning/larande"],
    ["/tillganglighet", "sv", "en", "/en/accessibility"],
    ["/kalendarium/2031-03", "sv", "en", "/en/calendar/2031-03"],
    ["/en/calendar/2031-03", "en", "sv", "/kalendarium/2031-03"],
    ["/en/privacy", "en", "sv", "/personuppgifter"],
    // Encoded segments are carried over untouched.
    ["/verkstad/h%C3%B6st", "sv", "en", "/en/workshop/h%C3%B6st"],
    // Pages outside the localized list keep their words and change only the prefix.
    ["/mina-sidor/bokningar", "sv", "en", "/en/mina-sidor/bokningar"],
    ["/en/mina-sidor", "en", "sv", "/mina-sidor"],
  ] as const)("%s (%s → %s) is %s", (path, from, to, expected) => {
    expect(alternatePath(path, from, to)).toBe(expected);
  });
});

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The {placeholders} and <tags> of an ICU message, ignoring plural branches' own words. */
function arguments_(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{\s*(\w+)\s*[,}]/g)) if (m[1]) names.add(m[1]);
  for (const m of message.matchAll(/<(\w+)>/g)) if (m[1]) names.add(`<${m[1]}>`);
  return [...names].sort();
}

describe("messages", () => {
  const svLeaves = leaves(sv as Tree);
  const enLeaves = leaves(en as Tree);

  it("has the same keys in Swedish and English", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...svLeaves.keys()].sort());
  });

  it("uses the same placeholders and tags in both languages", () => {
    for (const [key, svMessage] of svLeaves) {
      expect({ key, args: arguments_(enLeaves.get(key) ?? "") }).toEqual({ key, args: arguments_(svMessage) });
    }
  });

  it("has no empty message", () => {
    for (const [key, message] of [...svLeaves, ...enLeaves]) expect({ key, message: message.trim() }).not.toEqual({ key, message: "" });
  });
});
