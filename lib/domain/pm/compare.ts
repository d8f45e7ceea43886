/**
 * Comparing two submitted versions of a project PM, field by field and word by word, so a
 * coordinator sees what the participant changed after being asked to. Pure: plain strings in,
 * plain parts out; the page marks the parts with <ins>/<del> and words.
 *
 * The word diff is a longest common subsequence over the words (whitespace is not compared: a
 * re-wrapped line is not a change). Texts are short (a PM field is a few hundred words), so the
 * quadratic table is small; above WORD_TABLE_LIMIT cells the middle is shown as one deletion and
 * one insertion instead.
 */

export const PM_TEXT_FIELDS = ["title", "need", "backgroundPurpose", "method", "workplace", "unit"] as const;
export type PmTextField = (typeof PM_TEXT_FIELDS)[number];

/**
 * What a revision holds that can change between versions. Each revision has its own attachment row,
 * so the attachment is compared by its content's hash (PmAttachment.sha256), not by id.
 */
export type ComparableRevision = Record<PmTextField, string | null> & { attachmentHash?: string | null };

export type WordPart = { kind: "same" | "ins" | "del"; text: string };

export type FieldComparison = {
  field: PmTextField;
  changed: boolean;
  /** The words of both versions in reading order; `same` parts carry the later version's spacing. */
  parts: WordPart[];
};

export type RevisionComparison = {
  fields: FieldComparison[];
  /** The attachment was added, removed or replaced. */
  attachmentChanged: boolean;
  /** Anything at all differs. */
  changed: boolean;
};

const WORD_TABLE_LIMIT = 4_000_000;

type Token = { word: string; text: string };

/** Words with the whitespace that follows each ("a  b\nc" → "a  ", "b\n", "c"); leading whitespace is kept on the first. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lead = /^\s*/.exec(text)?.[0] ?? "";
  const re = /(\S+)(\s*)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const word = match[1] ?? "";
    tokens.push({ word, text: (tokens.length === 0 ? lead : "") + word + (match[2] ?? "") });
  }
  return tokens;
}

function push(parts: WordPart[], kind: WordPart["kind"], text: string) {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * The word-level changes from `before` to `after`. Joining the `same` and `ins` parts gives
 * `after` again (up to its spacing); joining `same` and `del` gives the words of `before`.
 * Deletions come before insertions where a passage was replaced.
 */
export function diffWords(before: string, after: string): WordPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const parts: WordPart[] = [];

  // The common beginning and end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start]?.word === b[start]?.word) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]?.word === b[endB - 1]?.word) {
    endA--;
    endB--;
  }
  for (let i = 0; i < start; i++) push(parts, "same", b[i]?.text ?? "");

  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > WORD_TABLE_LIMIT) {
    push(parts, "del", midA.map((t) => t.text).join(""));
    push(parts, "ins", midB.map((t) => t.text).join(""));
  } else {
    middle(parts, midA, midB);
  }

  for (let j = endB; j < b.length; j++) push(parts, "same", b[j]?.text ?? "");
  return parts;
}

/** LCS over the middle: lengths[i][j] = the longest common run of words in midA[i..] and midB[j..]. */
function middle(parts: WordPart[], a: Token[], b: Token[]) {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i]?.word === b[j]?.word
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  // Deletions and insertions between two common words are gathered, then written deletions first.
  let del = "";
  let ins = "";
  const flush = () => {
    push(parts, "del", del);
    push(parts, "ins", ins);
    del = "";
    ins = "";
  };
  while (i < n && j < m) {
    if (a[i]?.word === b[j]?.word) {
      flush();
      push(parts, "same", b[j]?.text ?? "");
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      del += a[i]?.text ?? "";
      i++;
    } else {
      ins += b[j]?.text ?? "";
      j++;
    }
  }
  while (i < n) del += a[i++]?.text ?? "";
  while (j < m) ins += b[j++]?.text ?? "";
  flush();
}

/** Two revisions, field by field. A missing method (null) compares as empty text. */
export function compareRevisions(before: ComparableRevision, after: ComparableRevision): RevisionComparison {
  const fields = PM_TEXT_FIELDS.map((field): FieldComparison => {
    const parts = diffWords(before[field] ?? "", after[field] ?? "");
    return { field, changed: parts.some((p) => p.kind !== "same"), parts };
  });
  const attachmentChanged = (before.attachmentHash ?? null) !== (after.attachmentHash ?? null);
  return { fields, attachmentChanged, changed: attachmentChanged || fields.some((f) => f.changed) };
}
