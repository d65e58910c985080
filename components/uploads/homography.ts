/**
 * Straightening a photographed page (issue 16, "straightening is a bonus"), in plain TypeScript:
 * no image library on the phone. A page photographed at an angle is a quadrilateral in the photo;
 * the homography (a 3×3 projective map) that sends the upright rectangle onto it lets each pixel
 * of the straightened page be read from the photo (inverse mapping, bilinear). The corners are
 * found on a small copy of the photo (light paper on a darker background: the largest light
 * region, its extreme points), and the citizen can move them before applying.
 */
export type Point = { x: number; y: number };
/** Corners in order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];
/** Row-major 3×3, up to scale (its largest entry is 1). */
export type Matrix = [number, number, number, number, number, number, number, number, number];
export type Pixels = { width: number; height: number; data: Uint8ClampedArray };

/** Solves A·x = b (n×n) by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Row-major product of two 3×3 matrices. */
function multiply(a: Matrix, b: Matrix): Matrix {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c]! += a[r * 3 + k]! * b[k * 3 + c]!;
  return out as Matrix;
}

/**
 * Hartley's normalisation: the corners moved so their centroid is the origin and their mean
 * distance from it √2. It keeps the linear system well conditioned whatever the pixel sizes, and
 * it is what makes fixing h[8] = 1 safe: h[8] = 0 means the origin is sent to infinity, and the
 * centroid of a convex quadrilateral never is (its vanishing line lies outside it). Without it a
 * photo's corner whose line ran through the pixel origin had no solution (fast-check seed 1722631403).
 */
function normalising(q: Quad): { t: Matrix; inverse: Matrix } {
  const cx = q.reduce((s, p) => s + p.x, 0) / 4;
  const cy = q.reduce((s, p) => s + p.y, 0) / 4;
  const mean = q.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / 4;
  const k = mean > 0 ? Math.SQRT2 / mean : 1;
  return { t: [k, 0, -k * cx, 0, k, -k * cy, 0, 0, 1], inverse: [1 / k, 0, cx, 0, 1 / k, cy, 0, 0, 1] };
}

/** The homography sending each corner of `from` to the same corner of `to`; null for a degenerate quadrilateral. */
export function homography(from: Quad, to: Quad): Matrix | null {
  const nf = normalising(from);
  const nt = normalising(to);
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = apply(nf.t, from[i]!);
    const { x: u, y: v } = apply(nt.t, to[i]!);
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const solved = solve(a, b);
  if (!solved) return null;
  const hn = [...solved, 1] as Matrix;
  // Three corners on one line: the system may still solve, with a map that flattens the plane.
  const det = hn[0] * (hn[4] * hn[8] - hn[5] * hn[7]) - hn[1] * (hn[3] * hn[8] - hn[5] * hn[6]) + hn[2] * (hn[3] * hn[7] - hn[4] * hn[6]);
  const scale = Math.max(...hn.map(Math.abs));
  if (!(Math.abs(det) > 1e-12 * scale ** 3)) return null;
  // Back to pixels; scaled so its largest entry is 1 (apply divides by w, so any scale maps the same).
  const h = multiply(nt.inverse, multiply(hn, nf.t));
  const largest = Math.max(...h.map(Math.abs));
  return h.map((x) => x / largest) as Matrix;
}

export function apply(h: Matrix, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + h[8];
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The straightened page's size: the mean of opposite sides, at most `maxSide` on its longer side. */
export function pageSize(quad: Quad, maxSide = 1600): { width: number; height: number } {
  const w = (dist(quad[0], quad[1]) + dist(quad[3], quad[2])) / 2;
  const h = (dist(quad[0], quad[3]) + dist(quad[1], quad[2])) / 2;
  const scale = Math.min(1, maxSide / Math.max(w, h, 1));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export const rectangle = (width: number, height: number): Quad => [
  { x: 0, y: 0 },
  { x: width, y: 0 },
  { x: width, y: height },
  { x: 0, y: height },
];

/** The page inside `quad` of `source`, upright, `width`×`height` (RGBA), read bilinearly. */
export function warp(source: Pixels, quad: Quad, width: number, height: number): Pixels | null {
  const h = homography(rectangle(width, height), quad);
  if (!h) return null;
  const out = new Uint8ClampedArray(width * height * 4);
  const { width: sw, height: sh, data } = source;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The centre of the output pixel, read at its place in the photo.
      const p = apply(h, { x: x + 0.5, y: y + 0.5 });
      const fx = Math.min(sw - 1, Math.max(0, p.x - 0.5));
      const fy = Math.min(sh - 1, Math.max(0, p.y - 0.5));
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(sw - 1, x0 + 1);
      const y1 = Math.min(sh - 1, y0 + 1);
      const ax = fx - x0;
      const ay = fy - y0;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        const top = data[(y0 * sw + x0) * 4 + c]! * (1 - ax) + data[(y0 * sw + x1) * 4 + c]! * ax;
        const bottom = data[(y1 * sw + x0) * 4 + c]! * (1 - ax) + data[(y1 * sw + x1) * 4 + c]! * ax;
        out[o + c] = top * (1 - ay) + bottom * ay;
      }
    }
  }
  return { width, height, data: out };
}

/** Otsu's threshold of a grey-level histogram: the level that best splits paper from background. */
export function otsu(grey: Uint8Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const g of grey) hist[g]! += 1;
  const total = grey.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * The page's four corners in a small grey copy of the photo (`width`×`height`, one byte per
 * pixel): the largest region lighter than Otsu's threshold, and its extreme points along the two
 * diagonals. Null when no region covers a fifth of the picture (no page found: the corners of the
 * photo are kept).
 */
export function detectPage(grey: Uint8Array, width: number, height: number): Quad | null {
  const t = otsu(grey);
  const seen = new Uint8Array(width * height);
  let best: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < grey.length; start++) {
    if (seen[start] || grey[start]! <= t) continue;
    const region: number[] = [];
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      region.push(i);
      const x = i % width;
      const next = [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width];
      for (const n of next) {
        if (n < 0 || n >= grey.length || seen[n] || grey[n]! <= t) continue;
        seen[n] = 1;
        stack.push(n);
      }
    }
    if (region.length > best.length) best = region;
  }
  if (best.length < (width * height) / 5) return null;
  let tl = { s: Infinity, p: { x: 0, y: 0 } };
  let br = { s: -Infinity, p: { x: 0, y: 0 } };
  let tr = { s: -Infinity, p: { x: 0, y: 0 } };
  let bl = { s: Infinity, p: { x: 0, y: 0 } };
  for (const i of best) {
    const x = i % width;
    const y = (i - x) / width;
    if (x + y < tl.s) tl = { s: x + y, p: { x, y } };
    if (x + y > br.s) br = { s: x + y, p: { x: x + 1, y: y + 1 } };
    if (x - y > tr.s) tr = { s: x - y, p: { x: x + 1, y } };
    if (x - y < bl.s) bl = { s: x - y, p: { x, y: y + 1 } };
  }
  return [tl.p, tr.p, br.p, bl.p];
}

/** True when the corners make a convex quadrilateral in order (a page, not a bow tie). */
export function isConvex(q: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % 4]!;
    const c = q[(i + 2) % 4]!;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (cross === 0) return false;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}
