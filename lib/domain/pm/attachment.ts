/**
 * A PM's attachment: a PDF or a Word document (DOCX) up to PM_ATTACHMENT_MAX_BYTES. The type is
 * decided from the content only, never from the file name or the type the browser sends:
 * a PDF starts with "%PDF-" (ISO 32000-1, 7.5.2); a DOCX is a ZIP archive (PKWARE APPNOTE 6.3.x)
 * whose central directory names "word/document.xml" (ECMA-376 Part 2, the main document part).
 * No ZIP library is a dependency of the project, so the central directory is read here; nothing is
 * decompressed. Pure: bytes in, a verdict out.
 */

export const PM_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const PM_ATTACHMENT_MAX_MB = 10;

export const PM_ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
export type PmAttachmentMime = (typeof PM_ATTACHMENT_TYPES)[keyof typeof PM_ATTACHMENT_TYPES];

/** Why a file is refused; the keys are under "errors.fields". */
export type AttachmentProblem = "attachmentEmpty" | "attachmentTooLarge" | "attachmentType";

export type AttachmentVerdict = { ok: true; mimeType: PmAttachmentMime; extension: "pdf" | "docx" } | { ok: false; problem: AttachmentProblem };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DOCX_MAIN_PART = "word/document.xml";

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * The names in a ZIP archive's central directory, or null when the bytes are not a readable ZIP.
 * The end-of-central-directory record is searched backwards over the last 64 KiB + 22 bytes
 * (its comment is at most 65 535 bytes).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL_SIGNATURE) return null;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) !== EOCD_SIGNATURE) continue;
    const count = u16(bytes, at + 10);
    const size = u32(bytes, at + 12);
    const offset = u32(bytes, at + 16);
    if (offset + size > at) continue; // not the record: a signature inside a comment or data
    const names: string[] = [];
    let p = offset;
    const decoder = new TextDecoder("utf-8", { fatal: false });
    for (let i = 0; i < count; i++) {
      if (p + 46 > at || u32(bytes, p) !== CENTRAL_SIGNATURE) return null;
      const nameLength = u16(bytes, p + 28);
      const extraLength = u16(bytes, p + 30);
      const commentLength = u16(bytes, p + 32);
      if (p + 46 + nameLength > at) return null;
      names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/** Checks size and content. The file name and the browser's type are not arguments on purpose. */
export function checkAttachment(bytes: Uint8Array): AttachmentVerdict {
  if (bytes.length === 0) return { ok: false, problem: "attachmentEmpty" };
  if (bytes.length > PM_ATTACHMENT_MAX_BYTES) return { ok: false, problem: "attachmentTooLarge" };
  if (startsWith(bytes, PDF_MAGIC)) return { ok: true, mimeType: PM_ATTACHMENT_TYPES.pdf, extension: "pdf" };
  const names = zipEntryNames(bytes);
  if (names?.includes(DOCX_MAIN_PART)) return { ok: true, mimeType: PM_ATTACHMENT_TYPES.docx, extension: "docx" };
  return { ok: false, problem: "attachmentType" };
}

/**
 * The name the file is stored and served under: the uploaded name's base without path, control
 * or quote characters, at most 100 characters, with the extension of the detected type.
 */
export function attachmentFileName(uploaded: string, extension: "pdf" | "docx"): string {
  const base = uploaded.split(/[\\/]/).pop() ?? "";
  const stem = base
    .replace(/\.[^.]*$/, "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:*?|;]/g, "")
    .trim()
    .slice(0, 100);
  return `${stem || "bilaga"}.${extension}`;
}
