import { PDFDocument } from "pdf-lib";

/**
 * The pages a citizen photographed (or chose) made into one PDF, in their order. Runs in the
 * browser (only the scan-pages leaf imports it, dynamically, so only a page using it pays for
 * pdf-lib) and in node for the tests. The photos arrive already small (JPEG, see resize.ts): they
 * are embedded as they are, never re-compressed, so the PDF is the sum of the photos plus ~1 kB.
 */
export type PagePart = { kind: "jpeg" | "png"; bytes: Uint8Array } | { kind: "pdf"; bytes: Uint8Array };

/** A4 in PDF points: a photo's page is the photo fitted into A4 (turned when it is wider than tall), so it prints at its size. */
const A4 = { short: 595.28, long: 841.89 } as const;

export function pageSizeFor(width: number, height: number): { width: number; height: number } {
  const [boxW, boxH] = width > height ? [A4.long, A4.short] : [A4.short, A4.long];
  const scale = Math.min(boxW / width, boxH / height);
  return { width: width * scale, height: height * scale };
}

/** The number of pages of a PDF, or an error when pdf-lib cannot read it (damaged, encrypted). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPageCount();
}

export async function assemblePdf(parts: readonly PagePart[], opts: { title?: string } = {}): Promise<Uint8Array> {
  // No dates in it: the same pages give the same bytes, so after a reload the same pages chosen
  // again continue the upload where it stopped (ADR 0020: the file is resumed by its SHA-256).
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setProducer("Idarti");
  out.setCreator("Idarti");
  if (opts.title) out.setTitle(opts.title);
  for (const part of parts) {
    if (part.kind === "pdf") {
      const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
      const pages = await out.copyPages(source, source.getPageIndices());
      for (const p of pages) out.addPage(p);
      continue;
    }
    const image = part.kind === "jpeg" ? await out.embedJpg(part.bytes) : await out.embedPng(part.bytes);
    const size = pageSizeFor(image.width, image.height);
    const page = out.addPage([size.width, size.height]);
    page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
  }
  return out.save();
}
