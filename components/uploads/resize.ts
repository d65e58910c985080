/**
 * Photos are made small on the phone before they are sent (mobile data costs money): the
 * longest side fits in 1600 px and the JPEG quality steps down until the file is about 500 kB.
 * The server re-encodes again and is the one that checks; this only saves the citizen's data.
 */
export const RESIZE = { maxSide: 1600, targetBytes: 500 * 1024, qualities: [0.85, 0.75, 0.65, 0.55, 0.45] } as const;

export function fitInside(width: number, height: number, maxSide: number = RESIZE.maxSide): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scale = maxSide / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The first quality whose size fits the target, else the smallest tried. */
export async function encodeWithin(encode: (quality: number) => Promise<Blob | null>, targetBytes: number = RESIZE.targetBytes): Promise<Blob | null> {
  let last: Blob | null = null;
  for (const q of RESIZE.qualities) {
    last = await encode(q);
    if (!last || last.size <= targetBytes) return last;
  }
  return last;
}

/**
 * The picture drawn as a JPEG that fits in `maxSide` and about `targetBytes`, or null when the
 * browser cannot draw it (a PDF, HEIC on Chromium, a damaged file).
 */
export async function drawAsJpeg(file: Blob, targetBytes: number = RESIZE.targetBytes): Promise<{ blob: Blob; width: number; height: number } | null> {
  if (!file.type.startsWith("image/") || typeof createImageBitmap !== "function") return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return null;
  }
  const size = fitInside(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.fillStyle = "#fff"; // transparent PNGs become white, not black
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await encodeWithin((q) => new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", q)), targetBytes);
  return blob ? { blob, ...size } : null;
}

/** A smaller JPEG of a photo, or the file itself when it is not a picture the browser can draw (a PDF, HEIC on Chromium). */
export async function resizePhoto(file: File): Promise<File> {
  const drawn = await drawAsJpeg(file);
  if (!drawn || drawn.blob.size >= file.size) return file;
  const name = file.name.replace(/\.[^.]+$/, "") + ".jpg";
  return new File([drawn.blob], name, { type: "image/jpeg", lastModified: file.lastModified });
}
