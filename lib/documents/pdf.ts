import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { visualRuns } from "./bidi-text";

/**
 * A signed document as PDF: title, sections of label/value rows, and a verification block (QR
 * + code) — in Arabic (right to left) or French/English. The words come from the caller
 * (messages/), never from here, so certificates and case receipts reuse it as it is.
 *
 * Amiri (OFL, lib/documents/fonts) covers Arabic, Latin and digits in one font. Text copied out
 * of the PDF comes in drawing order; the QR carries the verification link for machines.
 * What leaves the server is signed on top: issuedPdf (pdf-certificate.ts) renders then signs.
 */
export type PdfRow = { label: string; value: string };
export type PdfSection = { heading?: string; rows: PdfRow[] };
export type SignedPdfInput = {
  dir: "rtl" | "ltr";
  lang: string;
  title: string;
  subtitle?: string;
  sections: PdfSection[];
  /** url is printed under the code; the QR carries qr (the signed offline token link) or, without it, url. */
  verification: { url: string; code: string; heading: string; text: string; qr?: string };
  footer: string[];
};

const FONT_DIR = path.join(process.cwd(), "lib/documents/fonts");
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, "Amiri-Regular.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "Amiri-Bold.ttf")),
  };
  return fonts;
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const INK = "#0b0c0c";
const MUTED = "#505a5f";
const RULE = "#b1b4b6";

export async function renderSignedPdf(input: SignedPdfInput): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    lang: input.lang,
    info: { Title: input.title, Producer: "Idarti", Creator: "Idarti" },
    displayTitle: true,
    autoFirstPage: true,
    compress: true,
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  let y = PAGE.margin;
  // A long document (a submission receipt with many files) goes on to another page rather than
  // off the bottom of this one: what does not fit below starts a new page.
  const bottom = PAGE.height - PAGE.margin;
  const room = (needed: number) => {
    if (y + needed <= bottom) return;
    doc.addPage();
    y = PAGE.margin;
  };

  y = paragraph(doc, input.title, { x: left, y, width, font: "bold", size: 22, dir: input.dir, color: INK });
  if (input.subtitle) y = paragraph(doc, input.subtitle, { x: left, y: y + 2, width, font: "regular", size: 12, dir: input.dir, color: MUTED });
  y += 10;
  rule(doc, y);
  y += 12;

  const labelWidth = width * 0.38;
  const valueWidth = width - labelWidth - 12;
  for (const section of input.sections) {
    if (section.heading) {
      room(heightOf(doc, section.heading, width, "bold", 14) + 40);
      y = paragraph(doc, section.heading, { x: left, y, width, font: "bold", size: 14, dir: input.dir, color: INK }) + 4;
    }
    for (const row of section.rows) {
      room(Math.max(heightOf(doc, row.label, labelWidth, "regular", 11), heightOf(doc, row.value, valueWidth, "bold", 12)) + 6);
      // Label on the reading side, value next to it; each wraps in its own column.
      const labelX = input.dir === "rtl" ? left + width - labelWidth : left;
      const valueX = input.dir === "rtl" ? left : left + labelWidth + 12;
      const yLabel = paragraph(doc, row.label, { x: labelX, y, width: labelWidth, font: "regular", size: 11, dir: input.dir, color: MUTED });
      const yValue = paragraph(doc, row.value, { x: valueX, y, width: valueWidth, font: "bold", size: 12, dir: input.dir, color: INK });
      y = Math.max(yLabel, yValue) + 6;
    }
    y += 6;
    rule(doc, y);
    y += 12;
  }

  // Verification block: QR on the end side, heading + code + text on the start side.
  // 150 pt: a version-13 QR (the signed receipt it carries, ADR 0017) keeps modules of 0.7 mm, easy for any phone camera.
  const qrSize = 150;
  room(qrSize + 24);
  const qrX = input.dir === "rtl" ? left : left + width - qrSize;
  drawQr(doc, input.verification.qr ?? input.verification.url, qrX, y, qrSize);
  const textX = input.dir === "rtl" ? left + qrSize + 16 : left;
  const textWidth = width - qrSize - 16;
  let ty = paragraph(doc, input.verification.heading, { x: textX, y, width: textWidth, font: "bold", size: 14, dir: input.dir, color: INK });
  ty = paragraph(doc, input.verification.code, { x: textX, y: ty + 2, width: textWidth, font: "bold", size: 20, dir: "ltr", color: INK, align: input.dir === "rtl" ? "end" : "start" });
  ty = paragraph(doc, input.verification.text, { x: textX, y: ty + 4, width: textWidth, font: "regular", size: 10.5, dir: input.dir, color: MUTED });
  ty = paragraph(doc, input.verification.url, { x: textX, y: ty + 2, width: textWidth, font: "regular", size: 9, dir: "ltr", color: MUTED, align: input.dir === "rtl" ? "end" : "start" });
  y = Math.max(y + qrSize, ty) + 16;

  rule(doc, y);
  y += 8;
  for (const line of input.footer) {
    room(heightOf(doc, line, width, "regular", 9));
    y = paragraph(doc, line, { x: left, y, width, font: "regular", size: 9, dir: input.dir, color: MUTED });
  }

  doc.end();
  return done;
}

type TextOpts = { x: number; y: number; width: number; font: "regular" | "bold"; size: number; dir: "rtl" | "ltr"; color: string; align?: "start" | "end" };

/** The height a paragraph will take (the same wrapping and line height as `paragraph`). */
function heightOf(doc: PDFKit.PDFDocument, text: string, width: number, font: "regular" | "bold", size: number): number {
  doc.font(font).fontSize(size);
  return wrap(doc, text, width).length * size * 1.55;
}

/** Draws wrapped text; returns the y under it. */
function paragraph(doc: PDFKit.PDFDocument, text: string, o: TextOpts): number {
  doc.font(o.font).fontSize(o.size).fillColor(o.color);
  const lineHeight = o.size * 1.55;
  let y = o.y;
  for (const line of wrap(doc, text, o.width)) {
    drawLine(doc, line, { ...o, y });
    y += lineHeight;
  }
  return y;
}

function measure(doc: PDFKit.PDFDocument, text: string): number {
  return doc.widthOfString(text, { features: [] });
}

/** Greedy wrap on spaces, in logical order (before bidi reordering, as the algorithm wants). */
export function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraphText of text.split("\n")) {
    let line = "";
    for (const word of paragraphText.split(" ")) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && measure(doc, candidate) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

function drawLine(doc: PDFKit.PDFDocument, line: string, o: TextOpts) {
  const runs = visualRuns(line, o.dir).map((r) => ({ ...r, width: measure(doc, r.text) }));
  const total = runs.reduce((s, r) => s + r.width, 0);
  const toEnd = (o.dir === "rtl") !== (o.align === "end");
  let x = toEnd ? o.x + o.width - total : o.x;
  for (const run of runs) {
    doc.text(run.text, x, o.y, { lineBreak: false, features: [] });
    x += run.width;
  }
}

function rule(doc: PDFKit.PDFDocument, y: number) {
  doc.save().moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.75).strokeColor(RULE).stroke().restore();
}

/** The QR as vector squares: sharp at any print size, ~1 kB. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill("#ffffff");
  doc.fillColor("#000000");
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.01, cell + 0.01);
    }
  }
  doc.fill().restore();
}
