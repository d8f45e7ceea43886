import { describe, expect, it } from "vitest";
import { wordsFor } from "@/components/admin/audit-words";
import { AUDIT_VALUE_MAX, auditChanges, displayAuditValue } from "@/lib/domain/audit-diff";

describe("auditChanges: what an audit event changed", () => {
  it("lists only the keys whose value differs", () => {
    expect(auditChanges({ roles: ["PARTICIPANT"], name: "Anna" }, { roles: ["ADMIN", "PARTICIPANT"], name: "Anna" })).toEqual([
      { key: "roles", before: ["PARTICIPANT"], after: ["ADMIN", "PARTICIPANT"] },
    ]);
  });

  it("a creation lists every key with no before; a deletion every key with no after", () => {
    expect(auditChanges(null, { email: "a@b.test" })).toEqual([{ key: "email", before: null, after: "a@b.test" }]);
    expect(auditChanges({ email: "a@b.test" }, null)).toEqual([{ key: "email", before: "a@b.test", after: null }]);
  });

  it("treats missing, null, empty text and an empty list as the same nothing", () => {
    expect(auditChanges({ title: "", roles: [] }, { title: null })).toEqual([]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it("compares nested values by content", () => {
    expect(auditChanges({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
    expect(auditChanges({ a: { b: 1 } }, { a: { b: 2 } })).toHaveLength(1);
  });

  it("a value that is not an object is the key 'value'", () => {
    expect(auditChanges("DRAFT", "PUBLISHED")).toEqual([{ key: "value", before: "DRAFT", after: "PUBLISHED" }]);
  });
});

describe("displayAuditValue", () => {
  it.each([
    [null, null],
    [undefined, null],
    ["", null],
    [[], null],
    ["sv", "sv"],
    [3, "3"],
    [["ADMIN", "PARTICIPANT"], "ADMIN, PARTICIPANT"],
    [{ a: 1 }, '{"a":1}'],
  ])("%j → %j", (value, shown) => {
    expect(displayAuditValue(value)).toBe(shown);
  });

  it("puts scalars into words", () => {
    expect(displayAuditValue([true, "ADMIN"], (v) => (v === true ? "ja" : v === "ADMIN" ? "Administratör" : String(v)))).toBe("ja, Administratör");
  });

  it("cuts long values", () => {
    const shown = displayAuditValue("x".repeat(500));
    expect(shown).toHaveLength(AUDIT_VALUE_MAX);
    expect(shown?.endsWith("…")).toBe(true);
  });
});

describe("wordsFor: codes to plain words", () => {
  const words = wordsFor({ role: { granted: "Gav en roll" }, User: "Person", auth: { nested: { deep: 1 } } });
  it.each([
    ["role.granted", "Gav en roll"],
    ["User", "Person"],
    ["role", null],
    ["role.unknown", null],
    ["auth.nested.deep", null],
    ["constructor", null],
    ["toString", null],
  ])("%s → %j", (code, expected) => {
    expect(words(code)).toBe(expected);
  });
});
