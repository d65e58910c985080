import { deflateSync } from "node:zlib";
import exifReader from "exif-reader";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { UploadRefused, inspectUpload, safeLabel } from "./inspect";
import { crc32 } from "./structure";

// ── Fixtures, made here so that every byte of them is explained ───────────────────────────

async function photo(opts: { width?: number; height?: number; gps?: boolean } = {}): Promise<Buffer> {
  const img = sharp({ create: { width: opts.width ?? 640, height: opts.height ?? 480, channels: 3, background: "#3a7" } }).jpeg();
  return (
    opts.gps
      ? img.withExif({
          IFD0: { Make: "TestCam", Model: "Phone 9", Artist: "Amina Ben Salah" },
          IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 10/1 3000/100", GPSLongitudeRef: "E", GPSLongitude: "8/1 39/1 0/1" },
        })
      : img
  ).toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A grayscale PNG of the given size whose pixels are all zero: tiny on disk, huge in memory. */
function bombPng(width: number, height: number, rows = height): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const raw = Buffer.alloc((width + 1) * rows); // filter byte 0 + zero pixels, row after row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw, { level: 1 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The smallest Windows executable header file-type recognises (MZ … PE\0\0). */
function exe(): Buffer {
  const b = Buffer.alloc(1024);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.writeUInt16LE(0x14c, 0x84); // i386
  return b;
}

function pdf(body = "", after = ""): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${body} >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n${after}`,
    "latin1",
  );
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof UploadRefused) return error.reason;
    throw error;
  }
  return "accepted";
}

// ── Tests ─────────────────────────────────────────────────────────────────────────────────

describe("uploads: what is accepted", () => {
  it("a phone photo is re-encoded as a new JPEG with no metadata at all (no camera, no owner, no GPS)", async () => {
    const original = await photo({ gps: true });
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo?.GPSLatitude).toEqual([35, 10, 30]);
    const out = await inspectUpload(original, { name: "IMG_2041.jpg" });
    expect(out.mediaType).toBe("image/jpeg");
    expect(out.extension).toBe("jpg");
    const meta = await sharp(out.bytes).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(out.bytes.includes(Buffer.from("TestCam"))).toBe(false);
    expect(out.bytes.includes(Buffer.from("Amina"))).toBe(false);
    expect(out.location).toBeNull();
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.sha256).not.toBe(out.originalSha256);
  });

  it("keeps only the GPS position when the citizen chose to share where the photo was taken", async () => {
    const out = await inspectUpload(await photo({ gps: true }), { name: "a.jpg", keepLocation: true });
    expect(out.location!.lat).toBeCloseTo(35.175, 4);
    expect(out.location!.lon).toBeCloseTo(8.65, 4);
    const exif = exifReader((await sharp(out.bytes).metadata()).exif!);
    expect(exif.GPSInfo?.GPSLatitudeRef).toBe("N");
    expect(exif.Image?.Make).toBeUndefined();
    expect(exif.Image?.Artist).toBeUndefined();
  });

  it("fits a large photo into 1600 px, keeping its proportions", async () => {
    const out = await inspectUpload(await photo({ width: 4000, height: 3000 }), { name: "big.jpg" });
    expect([out.width, out.height]).toEqual([1600, 1200]);
  });

  it("turns a WebP into a JPEG and keeps a PNG (screenshot) a PNG", async () => {
    const webp = await sharp({ create: { width: 50, height: 40, channels: 3, background: "#888" } }).webp().toBuffer();
    expect((await inspectUpload(webp, { name: "x.webp" })).mediaType).toBe("image/jpeg");
    const png = await sharp({ create: { width: 50, height: 40, channels: 4, background: "#8888" } }).png().toBuffer();
    expect((await inspectUpload(png, { name: "x.png" })).mediaType).toBe("image/png");
  });

  it("keeps a plain PDF as sent, hashed", async () => {
    const out = await inspectUpload(pdf(), { name: "facture.pdf" });
    expect(out.mediaType).toBe("application/pdf");
    expect(out.bytes.equals(pdf())).toBe(true);
    expect(out.sha256).toBe(out.originalSha256);
  });

  it("accepts a motion photo (a video appended by the camera) and drops the video", async () => {
    const mp4 = Buffer.concat([Buffer.from("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "latin1"), Buffer.alloc(256, 7)]);
    const out = await inspectUpload(Buffer.concat([await photo(), mp4]), { name: "PXL_MP.jpg" });
    expect(out.bytes.includes(Buffer.from("ftypmp42"))).toBe(false);
  });

  it("judges the content, not the name: a PDF named .jpg is a PDF", async () => {
    expect((await inspectUpload(pdf(), { name: "photo.jpg" })).mediaType).toBe("application/pdf");
  });
});

describe("uploads: what is refused", () => {
  it("a renamed .exe", async () => {
    expect(await refusal(inspectUpload(exe(), { name: "photo.jpg" }))).toBe("typeNotAllowed");
    expect(await refusal(inspectUpload(exe(), { name: "bill.pdf" }))).toBe("typeNotAllowed");
  });

  it("anything that is not a picture or a PDF (HTML, SVG, a ZIP, text)", async () => {
    expect(await refusal(inspectUpload(Buffer.from("<html><script>alert(1)</script></html>"), { name: "a.jpg" }))).toBe("typeNotAllowed");
    expect(await refusal(inspectUpload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'), { name: "a.svg" }))).toBe("typeNotAllowed");
    expect(await refusal(inspectUpload(Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(100)]), { name: "a.pdf" }))).toBe("typeNotAllowed");
  });

  it("a 20000×20000 PNG (a decompression bomb), from its header, before decoding it", async () => {
    const started = Date.now();
    expect(await refusal(inspectUpload(bombPng(20_000, 20_000, 4), { name: "bomb.png" }))).toBe("tooManyPixels");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a complete 8000×8000 PNG of 64 million pixels (40 million is the limit)", async () => {
    const bomb = bombPng(8000, 8000);
    expect(bomb.length).toBeLessThan(1024 * 1024); // small to send, 64 MB to decode
    expect(await refusal(inspectUpload(bomb, { name: "bomb.png" }))).toBe("tooManyPixels");
  });

  it("a truncated JPEG", async () => {
    const full = await photo();
    expect(await refusal(inspectUpload(full.subarray(0, Math.floor(full.length / 2)), { name: "half.jpg" }))).toBe("damaged");
    expect(await refusal(inspectUpload(full.subarray(0, full.length - 2), { name: "no-eoi.jpg" }))).toBe("damaged");
  });

  it("a polyglot: a JPEG followed by a ZIP archive", async () => {
    const zip = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(60, 1), Buffer.from("PK\x05\x06", "latin1"), Buffer.alloc(18)]);
    expect(await refusal(inspectUpload(Buffer.concat([await photo(), zip]), { name: "gifar.jpg" }))).toBe("activeContent");
  });

  it("a polyglot: a JPEG whose comment segment is a script", async () => {
    const jpeg = await photo();
    const comment = Buffer.from("<script>fetch('//evil')</script>", "latin1");
    const com = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0, comment.length + 2]), comment]);
    const poly = Buffer.concat([jpeg.subarray(0, 2), com, jpeg.subarray(2)]);
    expect(await refusal(inspectUpload(poly, { name: "x.jpg" }))).toBe("activeContent");
  });

  it("a polyglot: a PNG with PHP in a text chunk, or data after its end", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).png().toBuffer();
    const withText = Buffer.concat([png.subarray(0, 33), pngChunk("tEXt", Buffer.from("Comment\0<?php system($_GET['c']); ?>", "latin1")), png.subarray(33)]);
    expect(await refusal(inspectUpload(withText, { name: "x.png" }))).toBe("activeContent");
    expect(await refusal(inspectUpload(Buffer.concat([png, Buffer.from("<html>hello</html>")]), { name: "x.png" }))).toBe("activeContent");
  });

  it("a PDF that runs JavaScript, launches a program, carries a file or has something appended", async () => {
    expect(await refusal(inspectUpload(pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), { name: "a.pdf" }))).toBe("activeContent");
    expect(await refusal(inspectUpload(pdf("/OpenAction << /S /J#61vaScript /JS (1) >>"), { name: "a.pdf" }))).toBe("activeContent");
    expect(await refusal(inspectUpload(pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"), { name: "a.pdf" }))).toBe("activeContent");
    expect(await refusal(inspectUpload(pdf("/Names << /EmbeddedFiles 3 0 R >>"), { name: "a.pdf" }))).toBe("activeContent");
    expect(await refusal(inspectUpload(pdf("", "PK\x03\x04zipzipzip"), { name: "a.pdf" }))).toBe("activeContent");
  });

  it("JavaScript hidden in a compressed object stream of a PDF", async () => {
    const objects = deflateSync(Buffer.from("3 0 << /S /JavaScript /JS (app.alert(1)) >>", "latin1"));
    const body = Buffer.concat([
      Buffer.from("%PDF-1.5\n3 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + objects.length + " >>\nstream\n", "latin1"),
      objects,
      Buffer.from("\nendstream\nendobj\n%%EOF\n", "latin1"),
    ]);
    expect(await refusal(inspectUpload(body, { name: "a.pdf" }))).toBe("activeContent");
  });

  it("a truncated PDF, an empty file, and files over the size limits (explained with the limit)", async () => {
    expect(await refusal(inspectUpload(pdf().subarray(0, 60), { name: "a.pdf" }))).toBe("damaged");
    expect(await refusal(inspectUpload(Buffer.alloc(0), { name: "a.jpg" }))).toBe("empty");
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(6 * 1024 * 1024, 0x20), Buffer.from("\n%%EOF\n")]);
    const error = await inspectUpload(big, { name: "big.pdf" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadRefused);
    expect(error).toMatchObject({ reason: "tooLarge", detail: { maxMb: 5 } });
  });
});

describe("uploads: names are labels", () => {
  it("drops paths, control and bidi-override characters and the extension", () => {
    expect(safeLabel("C:\\Users\\a\\Desktop\\facture STEG.pdf")).toBe("facture STEG");
    expect(safeLabel("../../etc/passwd")).toBe("passwd");
    expect(safeLabel("photo\u202Egpj.exe")).toBe("photogpj");
    expect(safeLabel("")).toBe("file");
  });
});
