/**
 * The one A4 layout of Verkstad's billing PDFs (invoice, credit note, receipt): a header with the
 * seller and the document's title and number on every page, the parties, a box of key facts, the
 * line table (its header repeated after each page break), the VAT breakdown beside the totals, a
 * closing box (how to pay, what is credited, refunds), and a footer with the seller's details and
 * "Sida 1 av N" on every page. Documents are mapped to a `PdfModel` of ready-made strings in
 * invoice-pdf.ts and receipt-pdf.ts; this file only places them.
 *
 * The 14 standard fonts (Helvetica) are used, so nothing is embedded and a 300-line invoice stays
 * small; all text passes through pdfText (WinAnsi). pdfkit wraps and measures text itself; page
 * breaks are decided here, never by pdfkit (the bottom margin is below the footer).
 */
import PDFDocument from "pdfkit";
import { pdfText } from "./format";

export type PdfLanguage = "sv-SE" | "en-GB";

export type LabelledValue = { label: string; value: string; strong?: boolean };

export type PdfLine = {
  description: string;
  /** Smaller lines under the description: participant, date of supply, cost centre. */
  details: readonly string[];
  quantity: string;
  unitPrice: string;
  vat: string;
  amount: string;
};

export type PdfModel = {
  info: { title: string; author: string; subject: string; created: Date; language: PdfLanguage };
  /** "Faktura", "Kreditfaktura", "Kvitto". */
  title: string;
  /** "Nr F2026-00001", under the title on every page. */
  numberLine: string;
  seller: { name: string; addressLine: string };
  /** Seller and buyer (or payer), side by side; the first line of each is its name. */
  parties: readonly { heading: string; lines: readonly string[] }[];
  facts: readonly LabelledValue[];
  /** Paragraphs before the lines: the reason for a credit, the invoice's note. */
  notes: readonly LabelledValue[];
  columns: { description: string; quantity: string; unitPrice: string; vat: string; amount: string };
  lines: readonly PdfLine[];
  vatBreakdown: {
    heading: string;
    columns: { rate: string; taxable: string; vat: string };
    rows: readonly { rate: string; taxable: string; vat: string; note?: string }[];
  };
  /** Right of the VAT breakdown; the last row is the amount to pay (or credited, or paid). */
  totals: readonly LabelledValue[];
  closing?: { heading: string; facts: readonly LabelledValue[]; text?: string };
  /** Columns of small print at the foot of every page. */
  footer: readonly (readonly string[])[];
  pageLabel: (page: number, pages: number) => string;
};

const A4 = { width: 595.28, height: 841.89 };
const LEFT = 48;
const WIDTH = A4.width - 2 * LEFT;
const RIGHT = LEFT + WIDTH;
const TOP = 36;
/** Content ends above this line; the footer lives below it. */
const CONTENT_BOTTOM = A4.height - 78;
const FOOTER_TOP = A4.height - 66;

const COLOR = { text: "#1a1a1a", muted: "#4a515c", accent: "#0b4f8a", rule: "#c3c9d1", fill: "#f0f3f7" };

type Font = "Helvetica" | "Helvetica-Bold";
type Style = { font?: Font; size?: number; color?: string; align?: "left" | "right"; lineGap?: number; spacing?: number };

const BODY: Required<Pick<Style, "font" | "size" | "color">> = { font: "Helvetica", size: 9, color: COLOR.text };

/** Line table columns: description takes what the four number columns leave. */
const NUMBER_COLUMNS = { quantity: 38, unitPrice: 84, vat: 54, amount: 90 } as const;
const CELL_PAD = 4;

class Writer {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  y = TOP;

  constructor(private readonly model: PdfModel) {
    const { info } = model;
    this.doc = new PDFDocument({
      size: "A4",
      // pdfkit must never break pages itself: the bottom margin lies below the footer.
      margins: { top: TOP, left: LEFT, right: LEFT, bottom: 8 },
      bufferPages: true,
      autoFirstPage: false,
      lang: info.language,
      displayTitle: true,
      pdfVersion: "1.7",
      info: {
        Title: info.title,
        Author: info.author,
        Subject: info.subject,
        Creator: "Verkstad",
        Producer: "Verkstad (pdfkit)",
        // Fixed from the document's own date: the same document gives the same bytes.
        CreationDate: info.created,
        ModDate: info.created,
      },
    });
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
  }

  private style(s: Style = {}): Required<Pick<Style, "font" | "size" | "color">> {
    const merged = { ...BODY, ...s };
    this.doc.font(merged.font).fontSize(merged.size).fillColor(merged.color);
    return merged;
  }

  height(text: string, width: number, s: Style = {}): number {
    this.style(s);
    return this.doc.heightOfString(pdfText(text), { width, lineGap: s.lineGap ?? 1, characterSpacing: s.spacing ?? 0 });
  }

  /** Writes wrapped text in a box `width` wide; returns its height. */
  text(text: string, x: number, y: number, width: number, s: Style = {}): number {
    this.style(s);
    const options = { width, align: s.align ?? "left", lineGap: s.lineGap ?? 1, characterSpacing: s.spacing ?? 0 } as const;
    const safe = pdfText(text);
    this.doc.text(safe, x, y, options);
    return this.doc.heightOfString(safe, options);
  }

  rule(y: number, x1 = LEFT, x2 = RIGHT, color = COLOR.rule, width = 0.6) {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
  }

  box(x: number, y: number, w: number, h: number, options: { fill?: string; stroke?: string }) {
    this.doc.save().rect(x, y, w, h).lineWidth(0.8);
    if (options.fill && options.stroke) this.doc.fillAndStroke(options.fill, options.stroke);
    else if (options.fill) this.doc.fill(options.fill);
    else if (options.stroke) this.doc.stroke(options.stroke);
    this.doc.restore();
  }

  newPage() {
    this.doc.addPage();
    this.header();
  }

  /** Starts a new page when `needed` points do not fit; `then` redraws what must head the page. */
  ensureSpace(needed: number, then?: () => void) {
    if (this.y + needed <= CONTENT_BOTTOM) return;
    this.newPage();
    then?.();
  }

  private header() {
    const { model } = this;
    const titleWidth = 200;
    const sellerWidth = WIDTH - titleWidth - 16;
    const nameHeight = this.text(model.seller.name, LEFT, TOP, sellerWidth, { font: "Helvetica-Bold", size: 14, color: COLOR.accent });
    this.text(model.seller.addressLine, LEFT, TOP + nameHeight + 2, sellerWidth, { size: 8.5, color: COLOR.muted });
    this.text(model.title, RIGHT - titleWidth, TOP - 2, titleWidth, { font: "Helvetica-Bold", size: 20, align: "right" });
    this.text(model.numberLine, RIGHT - titleWidth, TOP + 23, titleWidth, { size: 9.5, align: "right", color: COLOR.muted });
    const bottom = Math.max(TOP + nameHeight + 14, TOP + 38);
    this.rule(bottom + 6, LEFT, RIGHT, COLOR.accent, 1.2);
    this.y = bottom + 18;
  }

  /** Labels in small capitals above a value, in a grid of `columns` cells per row. */
  factGrid(facts: readonly LabelledValue[], x: number, top: number, width: number, columns: number, pad: number): number {
    const cell = width / columns;
    let y = top + pad;
    for (let i = 0; i < facts.length; i += columns) {
      const row = facts.slice(i, i + columns);
      const heights = row.map((f, j) => {
        const cx = x + pad + j * cell;
        const w = cell - 2 * pad;
        const lh = this.text(f.label.toUpperCase(), cx, y, w, { font: "Helvetica-Bold", size: 6.5, color: COLOR.muted, spacing: 0.4 });
        const vh = this.text(f.value, cx, y + lh + 1.5, w, { font: "Helvetica-Bold", size: f.strong ? 10.5 : 9.5, color: f.strong ? COLOR.accent : COLOR.text });
        return lh + 1.5 + vh;
      });
      y += Math.max(...heights) + (i + columns < facts.length ? 7 : 0);
    }
    return y + pad - top;
  }

  parties() {
    const { parties } = this.model;
    const gap = 20;
    const w = (WIDTH - gap * (parties.length - 1)) / parties.length;
    const heights = parties.map((p, i) => {
      const x = LEFT + i * (w + gap);
      let y = this.y;
      y += this.text(p.heading.toUpperCase(), x, y, w, { font: "Helvetica-Bold", size: 6.5, color: COLOR.muted, spacing: 0.4 }) + 2;
      p.lines.forEach((line, n) => {
        y += this.text(line, x, y, w, n === 0 ? { font: "Helvetica-Bold", size: 10 } : { size: 9 });
      });
      return y - this.y;
    });
    this.y += Math.max(...heights) + 14;
  }

  facts() {
    const columns = 4;
    // Measure first (drawing into a throwaway position is not possible), then draw on the fill.
    const height = this.measureFactGrid(this.model.facts, WIDTH, columns, 8);
    this.box(LEFT, this.y, WIDTH, height, { fill: COLOR.fill });
    this.factGrid(this.model.facts, LEFT, this.y, WIDTH, columns, 8);
    this.y += height + 12;
  }

  measureFactGrid(facts: readonly LabelledValue[], width: number, columns: number, pad: number): number {
    const cell = width / columns;
    let total = 2 * pad;
    for (let i = 0; i < facts.length; i += columns) {
      const row = facts.slice(i, i + columns);
      total += Math.max(
        ...row.map((f) => {
          const w = cell - 2 * pad;
          return (
            this.height(f.label.toUpperCase(), w, { font: "Helvetica-Bold", size: 6.5, spacing: 0.4 }) +
            1.5 +
            this.height(f.value, w, { font: "Helvetica-Bold", size: f.strong ? 10.5 : 9.5 })
          );
        }),
      );
      if (i + columns < facts.length) total += 7;
    }
    return total;
  }

  notes() {
    for (const note of this.model.notes) {
      const text = `${note.label}: ${note.value}`;
      const h = this.height(text, WIDTH, { size: 9 });
      this.ensureSpace(h + 8);
      this.text(text, LEFT, this.y, WIDTH, { size: 9 });
      this.y += h + 8;
    }
    this.y += 2;
  }

  private columnXs() {
    const description = WIDTH - NUMBER_COLUMNS.quantity - NUMBER_COLUMNS.unitPrice - NUMBER_COLUMNS.vat - NUMBER_COLUMNS.amount;
    const x = { description: LEFT, quantity: LEFT + description } as Record<keyof PdfModel["columns"], number>;
    x.unitPrice = x.quantity + NUMBER_COLUMNS.quantity;
    x.vat = x.unitPrice + NUMBER_COLUMNS.unitPrice;
    x.amount = x.vat + NUMBER_COLUMNS.vat;
    const w = { description, ...NUMBER_COLUMNS };
    return { x, w };
  }

  tableHeader() {
    const { x, w } = this.columnXs();
    const style: Style = { font: "Helvetica-Bold", size: 7.5, color: COLOR.muted };
    const keys = ["description", "quantity", "unitPrice", "vat", "amount"] as const;
    const h = Math.max(...keys.map((k) => this.height(this.model.columns[k], w[k] - 2 * CELL_PAD, style))) + 10;
    this.box(LEFT, this.y, WIDTH, h, { fill: COLOR.fill });
    for (const k of keys) {
      this.text(this.model.columns[k], x[k] + CELL_PAD, this.y + 5, w[k] - 2 * CELL_PAD, { ...style, align: k === "description" ? "left" : "right" });
    }
    this.y += h;
  }

  private lineHeight(line: PdfLine, width: number): number {
    let h = this.height(line.description, width, { size: 9 });
    for (const d of line.details) h += 1 + this.height(d, width, { size: 7.5 });
    return h + 9;
  }

  lines() {
    const { x, w } = this.columnXs();
    const descWidth = w.description - 2 * CELL_PAD;
    this.ensureSpace(60, () => undefined);
    this.tableHeader();
    for (const line of this.model.lines) {
      const h = this.lineHeight(line, descWidth);
      this.ensureSpace(h, () => this.tableHeader());
      let y = this.y + 5;
      y += this.text(line.description, x.description + CELL_PAD, y, descWidth, { size: 9 });
      for (const d of line.details) y += 1 + this.text(d, x.description + CELL_PAD, y + 1, descWidth, { size: 7.5, color: COLOR.muted });
      for (const k of ["quantity", "unitPrice", "vat", "amount"] as const) {
        this.text(line[k], x[k] + CELL_PAD, this.y + 5, w[k] - 2 * CELL_PAD, { size: 9, align: "right" });
      }
      this.y += h;
      this.rule(this.y);
    }
    this.y += 14;
  }

  /** The VAT breakdown (left) and the totals (right), kept together on one page. */
  summary() {
    const { vatBreakdown, totals } = this.model;
    const vatWidth = 280;
    const totalsWidth = 200;
    const totalsX = RIGHT - totalsWidth;
    const col = { rate: 70, taxable: 105, vat: vatWidth - 175 };
    const noteStyle: Style = { size: 7.5, color: COLOR.muted };
    const rowHeight = 14;
    const vatHeight =
      16 + rowHeight + vatBreakdown.rows.reduce((h, r) => h + rowHeight + (r.note ? this.height(r.note, vatWidth - 2 * CELL_PAD, noteStyle) + 3 : 0), 0);
    const totalsHeight = (totals.length - 1) * 15 + 30;
    this.ensureSpace(Math.max(vatHeight, totalsHeight) + 6);
    const top = this.y;

    // VAT breakdown
    let y = top;
    this.text(vatBreakdown.heading, LEFT, y, vatWidth, { font: "Helvetica-Bold", size: 9 });
    y += 16;
    const head: Style = { font: "Helvetica-Bold", size: 7.5, color: COLOR.muted };
    this.text(vatBreakdown.columns.rate, LEFT + CELL_PAD, y, col.rate - 2 * CELL_PAD, head);
    this.text(vatBreakdown.columns.taxable, LEFT + col.rate + CELL_PAD, y, col.taxable - 2 * CELL_PAD, { ...head, align: "right" });
    this.text(vatBreakdown.columns.vat, LEFT + col.rate + col.taxable + CELL_PAD, y, col.vat - 2 * CELL_PAD, { ...head, align: "right" });
    y += rowHeight - 3;
    this.rule(y, LEFT, LEFT + vatWidth);
    y += 3;
    for (const row of vatBreakdown.rows) {
      this.text(row.rate, LEFT + CELL_PAD, y, col.rate - 2 * CELL_PAD, { size: 9 });
      this.text(row.taxable, LEFT + col.rate + CELL_PAD, y, col.taxable - 2 * CELL_PAD, { size: 9, align: "right" });
      this.text(row.vat, LEFT + col.rate + col.taxable + CELL_PAD, y, col.vat - 2 * CELL_PAD, { size: 9, align: "right" });
      y += rowHeight;
      if (row.note) y += this.text(row.note, LEFT + CELL_PAD, y - 2, vatWidth - 2 * CELL_PAD, noteStyle) + 3;
    }

    // Totals
    let ty = top + 16;
    totals.forEach((row, i) => {
      const last = i === totals.length - 1;
      if (last) {
        ty += 2;
        this.box(totalsX, ty, totalsWidth, 24, { fill: COLOR.fill });
        this.rule(ty, totalsX, RIGHT, COLOR.text, 1);
        this.text(row.label, totalsX + 6, ty + 7, 100, { font: "Helvetica-Bold", size: 10.5 });
        this.text(row.value, totalsX + 80, ty + 7, totalsWidth - 86, { font: "Helvetica-Bold", size: 10.5, align: "right" });
        ty += 24;
      } else {
        this.text(row.label, totalsX + 6, ty, 110, { size: 9 });
        this.text(row.value, totalsX + 80, ty, totalsWidth - 86, { size: 9, align: "right" });
        ty += 15;
      }
    });
    this.y = Math.max(y, ty) + 16;
  }

  closing() {
    const { closing } = this.model;
    if (!closing) return;
    const pad = 10;
    const inner = WIDTH - 2 * pad;
    const headingHeight = this.height(closing.heading, inner, { font: "Helvetica-Bold", size: 10 }) + 6;
    const factsHeight = closing.facts.length ? this.measureFactGrid(closing.facts, WIDTH, 4, pad) - 2 * pad + 8 : 0;
    const textHeight = closing.text ? this.height(closing.text, inner, { size: 8.5 }) : 0;
    const height = pad + headingHeight + factsHeight + textHeight + pad;
    this.ensureSpace(height);
    this.box(LEFT, this.y, WIDTH, height, { stroke: COLOR.accent });
    let y = this.y + pad;
    this.text(closing.heading, LEFT + pad, y, inner, { font: "Helvetica-Bold", size: 10, color: COLOR.accent });
    y += headingHeight;
    if (closing.facts.length) {
      this.factGrid(closing.facts, LEFT, y - pad, WIDTH, 4, pad);
      y += factsHeight;
    }
    if (closing.text) this.text(closing.text, LEFT + pad, y, inner, { size: 8.5 });
    this.y += height + 10;
  }

  /** Footer and page number on every page, once the number of pages is known. */
  private footers() {
    const { footer, pageLabel } = this.model;
    const range = this.doc.bufferedPageRange();
    const labelWidth = 80;
    const colWidth = (WIDTH - labelWidth) / Math.max(footer.length, 1);
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.rule(FOOTER_TOP, LEFT, RIGHT, COLOR.rule, 0.8);
      footer.forEach((column, c) => {
        let y = FOOTER_TOP + 6;
        column.forEach((line, n) => {
          y += this.text(line, LEFT + c * colWidth, y, colWidth - 8, { size: 7, color: COLOR.muted, font: n === 0 && c === 0 ? "Helvetica-Bold" : "Helvetica" });
        });
      });
      this.text(pageLabel(i - range.start + 1, range.count), RIGHT - labelWidth, FOOTER_TOP + 6, labelWidth, { size: 7.5, align: "right", color: COLOR.muted });
    }
  }

  render(): Promise<Buffer> {
    this.newPage();
    this.parties();
    this.facts();
    this.notes();
    this.lines();
    this.summary();
    this.closing();
    this.footers();
    this.doc.end();
    return this.done;
  }
}

export function renderPdf(model: PdfModel): Promise<Buffer> {
  return new Writer(model).render();
}
