import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import { inspectUpload } from "@/lib/documents/uploads/inspect";
import { UPLOAD_LIMITS } from "@/lib/documents/uploads/limits";
import { assemblePdf, pageSizeFor, pdfPageCount, type PagePart } from "./assemble-pdf";

/** A photo of the given size (its shape tells the pages apart once they are in the PDF). */
async function photo(width: number, height: number, kind: "jpeg" | "png" = "jpeg"): Promise<PagePart> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 240, g: 236, b: 225 } } });
  return { kind, bytes: new Uint8Array(kind === "jpeg" ? await image.jpeg({ quality: 80 }).toBuffer() : await image.png().toBuffer()) };
}

const shapes = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPages().map((p) => Math.round((p.getWidth() / p.getHeight()) * 100) / 100);

describe("one PDF from the pages", () => {
  it("has one page per photo, in the order given", async () => {
    const tall = await photo(300, 400);
    const wide = await photo(400, 300);
    const square = await photo(300, 300, "png");
    const pdf = await assemblePdf([tall, square, wide]);
    expect(await pdfPageCount(pdf)).toBe(3);
    expect(await shapes(pdf)).toEqual([0.75, 1, 1.33]);
    expect(await shapes(await assemblePdf([wide, tall]))).toEqual([1.33, 0.75]);
  });

  it("takes a chosen PDF's pages where the PDF stands in the list", async () => {
    const inner = await assemblePdf([await photo(400, 300), await photo(400, 300)]);
    const pdf = await assemblePdf([await photo(300, 400), { kind: "pdf", bytes: inner }, await photo(300, 300)]);
    expect(await shapes(pdf)).toEqual([0.75, 1.33, 1.33, 1]);
  });

  it("fits each photo in A4, turned with the photo", () => {
    expect(pageSizeFor(1200, 1600)).toEqual({ width: 595.28, height: expect.closeTo(793.71, 1) });
    const wide = pageSizeFor(1600, 1200);
    expect(wide.width).toBeCloseTo(793.71, 1);
    expect(wide.height).toBeCloseTo(595.28, 1);
  });

  it("adds about nothing to the photos, and passes the server's checks of an upload", async () => {
    const pages = await Promise.all([photo(1200, 1600), photo(1200, 1600), photo(1200, 1600)]);
    const pdf = await assemblePdf(pages, { title: "facture" });
    const photos = pages.reduce((n, p) => n + p.bytes.byteLength, 0);
    expect(pdf.byteLength - photos).toBeLessThan(4096);
    const inspected = await inspectUpload(Buffer.from(pdf), { name: "facture.pdf" });
    expect(inspected.mediaType).toBe("application/pdf");
    expect(inspected.bytes.length).toBeLessThanOrEqual(UPLOAD_LIMITS.maxPdfBytes);
  });

  it("gives the same bytes for the same pages (an upload cut by a reload resumes with them)", async () => {
    const parts = [await photo(300, 400), await photo(400, 300)];
    const first = await assemblePdf(parts, { title: "scan" });
    await new Promise((r) => setTimeout(r, 1100));
    expect(Buffer.from(await assemblePdf(parts, { title: "scan" })).equals(Buffer.from(first))).toBe(true);
  });

  it("refuses a file that is not a PDF", async () => {
    await expect(pdfPageCount(new TextEncoder().encode("not a pdf"))).rejects.toThrow();
  });
});
