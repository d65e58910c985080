import { detectPage, isConvex, pageSize, warp, type Quad } from "./homography";
import { encodeWithin } from "./resize";

/**
 * A photographed page made upright on the phone (./homography.ts for the maths): the photo as the
 * page already drew it (≤ 1600 px JPEG), its corners found on a copy of at most DETECT_SIDE px, the
 * page inside them warped to a rectangle and encoded as a JPEG of about `targetBytes`. Null when
 * no page stands out from the background (the photo is kept as it is).
 */
const DETECT_SIDE = 256;

async function pixelsOf(bytes: Uint8Array): Promise<ImageData | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: "image/jpeg" }));
  } catch {
    return null;
  }
  const canvas = document.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** The page's corners in the photo's own pixels, from a small grey copy. */
function cornersOf(image: ImageData): Quad | null {
  const scale = Math.min(1, DETECT_SIDE / Math.max(image.width, image.height));
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const grey = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (Math.min(image.height - 1, Math.floor(y / scale)) * image.width + Math.min(image.width - 1, Math.floor(x / scale))) * 4;
      grey[y * w + x] = (image.data[i]! * 299 + image.data[i + 1]! * 587 + image.data[i + 2]! * 114) / 1000;
    }
  const found = detectPage(grey, w, h);
  if (!found || !isConvex(found)) return null;
  return found.map((p) => ({ x: p.x / scale, y: p.y / scale })) as Quad;
}

export async function straightenJpeg(bytes: Uint8Array, targetBytes: number): Promise<{ blob: Blob; width: number; height: number } | null> {
  const image = await pixelsOf(bytes);
  if (!image) return null;
  const quad = cornersOf(image);
  if (!quad) return null;
  const size = pageSize(quad);
  const upright = warp(image, quad, size.width, size.height);
  if (!upright) return null;
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.putImageData(new ImageData(upright.data as Uint8ClampedArray<ArrayBuffer>, size.width, size.height), 0, 0);
  const blob = await encodeWithin((q) => new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", q)), targetBytes);
  return blob ? { blob, ...size } : null;
}
