import exifReader from "exif-reader";
import sharp from "sharp";
import { UPLOAD_LIMITS } from "./limits";

// Every photo is re-encoded once and never again: libvips' operation cache (up to 50 MB kept
// after the work) buys nothing here and stays in the server's memory; one thread per photo
// leaves the other core to the pages (issue 19 §3, memory).
sharp.cache(false);
sharp.concurrency(1);

export type GeoPoint = { lat: number; lon: number };

export type ReencodedImage = { bytes: Buffer; mediaType: "image/jpeg" | "image/png"; width: number; height: number; location: GeoPoint | null };

export class ImageRefused extends Error {
  constructor(readonly reason: "tooManyPixels" | "damaged") {
    super(reason);
  }
}

function toDecimal(parts: unknown, ref: unknown): number | null {
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((n) => typeof n === "number" && Number.isFinite(n))) return null;
  const [d, m, s] = parts as [number, number, number];
  const value = d + m / 60 + s / 3600;
  return ref === "S" || ref === "W" ? -value : value;
}

/** The photo's GPS position from its EXIF, if it has a plausible one. */
export function gpsOf(exif: Buffer | undefined): GeoPoint | null {
  if (!exif) return null;
  try {
    const gps = exifReader(exif).GPSInfo;
    if (!gps) return null;
    const lat = toDecimal(gps.GPSLatitude, gps.GPSLatitudeRef);
    const lon = toDecimal(gps.GPSLongitude, gps.GPSLongitudeRef);
    if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
    return { lat, lon };
  } catch {
    return null;
  }
}

function dms(value: number): string {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 1000);
  return `${d}/1 ${m}/1 ${s}/1000`;
}

/**
 * Re-encodes a picture: applies its orientation, fits it in 1600 px, and writes a new file with
 * no metadata at all (camera, owner, serial numbers, GPS) — except, when the citizen chose to
 * share where it was taken, the GPS position alone.
 */
export async function reencodeImage(bytes: Buffer, opts: { keepLocation: boolean }): Promise<ReencodedImage> {
  const options = { limitInputPixels: UPLOAD_LIMITS.maxPixels, failOn: "error" as const };
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(bytes, options).metadata();
  } catch {
    throw new ImageRefused("damaged");
  }
  if (!meta.width || !meta.height) throw new ImageRefused("damaged");
  if (meta.width * meta.height > UPLOAD_LIMITS.maxPixels) throw new ImageRefused("tooManyPixels");
  if ((meta.pages ?? 1) > 1) throw new ImageRefused("damaged"); // animations are not photos of a problem
  const location = opts.keepLocation ? gpsOf(meta.exif) : null;
  const png = meta.format === "png";
  let pipeline = sharp(bytes, options)
    .rotate()
    .resize({ width: UPLOAD_LIMITS.maxSide, height: UPLOAD_LIMITS.maxSide, fit: "inside", withoutEnlargement: true });
  pipeline = png ? pipeline.png({ compressionLevel: 9 }) : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: UPLOAD_LIMITS.jpegQuality, mozjpeg: true });
  if (location) {
    pipeline = pipeline.withExif({
      IFD3: { GPSLatitudeRef: location.lat < 0 ? "S" : "N", GPSLatitude: dms(location.lat), GPSLongitudeRef: location.lon < 0 ? "W" : "E", GPSLongitude: dms(location.lon) },
    });
  }
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, mediaType: png ? "image/png" : "image/jpeg", width: info.width, height: info.height, location };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new ImageRefused("tooManyPixels");
    throw new ImageRefused("damaged");
  }
}
