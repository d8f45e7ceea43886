/**
 * What an audit event changed, for people to read: one line per key whose value differs between
 * `before` and `after`. A creation has no before, a deletion no after; a value that is not an
 * object counts as the key "value".
 */
export type AuditChange = { key: string; before: unknown; after: unknown };

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((key) => JSON.stringify(normalize(b[key])) !== JSON.stringify(normalize(a[key])))
    .map((key) => ({ key, before: b[key] ?? null, after: a[key] ?? null }));
}

/** Long values are cut here; the full record stays in the database. */
export const AUDIT_VALUE_MAX = 120;

/**
 * A stored value as short text, or null for "nothing" (null, missing, "", []). Lists are joined
 * with commas; `word` may put scalars into words (role codes, yes/no).
 */
export function displayAuditValue(value: unknown, word: (scalar: string | number | boolean) => string = String): string | null {
  const text = render(value, word);
  if (text === null) return null;
  return text.length > AUDIT_VALUE_MAX ? `${text.slice(0, AUDIT_VALUE_MAX - 1)}…` : text;
}

function render(value: unknown, word: (scalar: string | number | boolean) => string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => render(v, word)).filter((v): v is string => v !== null);
    return parts.length ? parts.join(", ") : null;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return word(value);
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

/** "", [] and a missing key all mean "nothing", so a change between them is no change. */
function normalize(value: unknown): unknown {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  return value;
}
