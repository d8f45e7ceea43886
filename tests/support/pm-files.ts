/**
 * Small test files for PM attachments: a minimal PDF, and stored (uncompressed) ZIP archives
 * written by hand after PKWARE's APPNOTE (local headers, central directory, end record).
 */
const enc = new TextEncoder();

export function minimalPdf(body = "PM"): Uint8Array {
  return enc.encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export function makeZip(names: readonly string[], content = "<x/>"): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff);
  const data = [...enc.encode(content)];
  for (const name of names) {
    const nameBytes = [...enc.encode(name)];
    const offset = parts.length;
    u32(parts, 0x04034b50); u16(parts, 20); u16(parts, 0); u16(parts, 0); u16(parts, 0); u16(parts, 0);
    u32(parts, 0); u32(parts, data.length); u32(parts, data.length); u16(parts, nameBytes.length); u16(parts, 0);
    parts.push(...nameBytes, ...data);
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0);
    u32(central, 0); u32(central, data.length); u32(central, data.length); u16(central, nameBytes.length); u16(central, 0); u16(central, 0);
    u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    central.push(...nameBytes);
  }
  const end: number[] = [];
  u32(end, 0x06054b50); u16(end, 0); u16(end, 0); u16(end, names.length); u16(end, names.length);
  u32(end, central.length); u32(end, parts.length); u16(end, 0);
  return new Uint8Array([...parts, ...central, ...end]);
}

export function makeDocx(): Uint8Array {
  return makeZip(["[Content_Types].xml", "word/document.xml"]);
}
