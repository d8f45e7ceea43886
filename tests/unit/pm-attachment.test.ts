/**
 * The PM attachment's type is decided from its bytes: "%PDF-" for a PDF, a ZIP whose central
 * directory names word/document.xml for a DOCX; anything else, or more than 10 MB, is refused.
 */
import { describe, expect, it } from "vitest";
import { attachmentFileName, checkAttachment, PM_ATTACHMENT_MAX_BYTES, zipEntryNames } from "@/lib/domain/pm/attachment";
import { missingPmFields, normalisePmText } from "@/lib/domain/pm/form";
import { pmDraftInput, pmSubmitInput } from "@/lib/server/pm/form-input";
import { makeDocx, makeZip, minimalPdf } from "@/tests/support/pm-files";

const text = (s: string) => new TextEncoder().encode(s);

describe("type by content", () => {
  it("a PDF starts with %PDF-", () => {
    expect(checkAttachment(minimalPdf())).toEqual({ ok: true, mimeType: "application/pdf", extension: "pdf" });
  });

  it("a DOCX is a ZIP with word/document.xml", () => {
    const docx = makeDocx();
    expect(zipEntryNames(docx)).toEqual(["[Content_Types].xml", "word/document.xml"]);
    expect(checkAttachment(docx)).toMatchObject({ ok: true, extension: "docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  });

  it.each([
    ["a plain text file", text("Hej, detta är mitt PM")],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
    ["a ZIP without word/document.xml (e.g. an .xlsx)", makeZip(["[Content_Types].xml", "xl/workbook.xml"])],
    ["a ZIP that names word/document.xml only in its data, not its directory", makeZip(["word/document.xml.bak", "notes/word/document.xml"])],
    ["a truncated ZIP", makeDocx().subarray(0, 60)],
    ["'PDF' without the percent sign", text("PDF-1.7 ...")],
  ])("refuses %s as attachmentType", (_label, bytes) => {
    expect(checkAttachment(bytes)).toEqual({ ok: false, problem: "attachmentType" });
  });

  it("refuses an empty file", () => {
    expect(checkAttachment(new Uint8Array())).toEqual({ ok: false, problem: "attachmentEmpty" });
  });
});

describe("size", () => {
  it("10 MB exactly is accepted; one byte more is refused", () => {
    const limit = new Uint8Array(PM_ATTACHMENT_MAX_BYTES);
    limit.set(minimalPdf());
    expect(checkAttachment(limit)).toMatchObject({ ok: true });
    const over = new Uint8Array(PM_ATTACHMENT_MAX_BYTES + 1);
    over.set(minimalPdf());
    expect(checkAttachment(over)).toEqual({ ok: false, problem: "attachmentTooLarge" });
  });
});

describe("the stored file name", () => {
  it.each([
    ["projekt-pm.pdf", "pdf", "projekt-pm.pdf"],
    ["Mitt PM, version 2.DOCX", "docx", "Mitt PM, version 2.docx"],
    ["C:\\Users\\anna\\pm.pdf", "pdf", "pm.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ['elak"namn;.exe', "pdf", "elaknamn.pdf"],
    ["", "docx", "bilaga.docx"],
    ["rapport.pdf", "docx", "rapport.docx"],
  ] as const)("%j as %s → %j (the extension follows the content)", (uploaded, extension, expected) => {
    expect(attachmentFileName(uploaded, extension)).toBe(expected);
  });
});

describe("the form's fields", () => {
  it("a draft may be empty; submitting names every empty required field, not the optional method", () => {
    expect(pmDraftInput.safeParse({ bookingId: "c".repeat(25) }).success).toBe(true);
    const parsed = pmSubmitInput.safeParse({ bookingId: "c".repeat(25), title: "  ", method: "" });
    expect(Object.fromEntries((parsed.error?.issues ?? []).map((i) => [i.path[0], i.message]))).toEqual({
      title: "required",
      need: "required",
      backgroundPurpose: "required",
      workplace: "required",
      unit: "required",
    });
  });

  it("too long and markup are refused with their own keys; the method is null when empty", () => {
    const base = { bookingId: "c".repeat(25), title: "T", need: "N", backgroundPurpose: "B", workplace: "W", unit: "U" };
    expect(pmSubmitInput.parse({ ...base, method: "  " }).method).toBeNull();
    const long = pmSubmitInput.safeParse({ ...base, title: "x".repeat(151), need: "<script>" });
    expect(Object.fromEntries((long.error?.issues ?? []).map((i) => [i.path[0], i.message]))).toEqual({ title: "tooLong", need: "forbiddenCharacters" });
  });

  it("line breaks are normalised and the texts trimmed", () => {
    expect(normalisePmText("  rad ett\r\nrad två\r  ")).toBe("rad ett\nrad två");
    expect(missingPmFields({ title: "x", need: "x", backgroundPurpose: "x", method: null, workplace: "x", unit: " " })).toEqual({ unit: "required" });
  });
});
