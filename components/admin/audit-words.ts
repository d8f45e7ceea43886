/**
 * Plain words for codes stored in the audit log ("role.granted", "User", "profileCompletedAt"),
 * looked up in a translation subtree (next-intl's `t.raw`). Codes come from the database and new
 * ones appear as features arrive, so a code without words returns null and the page shows the code.
 */
export function wordsFor(tree: unknown): (code: string) => string | null {
  return (code) => {
    let node: unknown = tree;
    for (const part of code.split(".")) {
      if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return null;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === "string" ? node : null;
  };
}
