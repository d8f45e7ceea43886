import { describe, expect, it } from "vitest";
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
