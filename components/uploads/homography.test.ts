import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apply, detectPage, homography, isConvex, otsu, pageSize, rectangle, warp, type Point, type Quad } from "./homography";

const close = (a: Point, b: Point, eps = 1e-6) => Math.abs(a.x - b.x) < eps && Math.abs(a.y - b.y) < eps;

/** A page photographed at an angle: a convex quadrilateral, each corner moved within its own quarter. */
const coord = () => fc.tuple(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }));
const convexQuad = fc
  .tuple(coord(), coord(), coord(), coord())
  .map(([a, b, c, d]) => [
    { x: a[0], y: a[1] },
    { x: 600 + b[0], y: b[1] },
    { x: 600 + c[0], y: 600 + c[1] },
    { x: d[0], y: 600 + d[1] },
  ] as Quad)
  .filter(isConvex)
  // Strictly: three corners in a line (a turn of 0°) is a triangle, which no map can invert; the
  // generator drew one (fast-check seeds -22462417, then 1293236104 at a 0.2° turn). Every turn is
  // at least 1.5° here: |a×b| = |a||b|·sin θ, compared with the sides' own lengths.
  .filter((q) => q.every((p, i) => {
    const a = q[(i + 3) % 4]!;
    const b = q[(i + 1) % 4]!;
    const cross = Math.abs((p.x - a.x) * (b.y - p.y) - (p.y - a.y) * (b.x - p.x));
    return cross >= Math.sin((1.5 * Math.PI) / 180) * Math.hypot(p.x - a.x, p.y - a.y) * Math.hypot(b.x - p.x, b.y - p.y);
  }));

describe("straightening a photographed page", () => {
  it("maps the corners of a rectangle exactly onto any convex quadrilateral", () => {
    fc.assert(
      fc.property(convexQuad, fc.integer({ min: 10, max: 3000 }), fc.integer({ min: 10, max: 3000 }), (quad, w, h) => {
        const m = homography(rectangle(w, h), quad)!;
        expect(m).not.toBeNull();
        rectangle(w, h).forEach((corner, i) => expect(close(apply(m, corner), quad[i]!, 1e-6 * Math.max(w, h, 1000))).toBe(true));
        // And back: the inverse map sends the photo's corners to the rectangle's.
        const back = homography(quad, rectangle(w, h))!;
        quad.forEach((corner, i) => expect(close(apply(back, corner), rectangle(w, h)[i]!, 1e-6 * Math.max(w, h, 1000))).toBe(true));
      }),
    );
  });

  it("maps both ways when a side's line runs through the pixel origin (fast-check seed 1722631403)", () => {
    const quad: Quad = [{ x: 387.4432404463839, y: 0 }, { x: 600, y: 399.9999999999997 }, { x: 600, y: 600 }, { x: 0, y: 600 }];
    const back = homography(quad, rectangle(10, 2995));
    expect(back).not.toBeNull();
    quad.forEach((corner, i) => expect(close(apply(back!, corner), rectangle(10, 2995)[i]!, 1e-6 * 3000)).toBe(true));
  });

  it("is the identity from a rectangle to itself, for every point inside", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (w, h, u, v) => {
        const m = homography(rectangle(w, h), rectangle(w, h))!;
        const p = { x: u * w, y: v * h };
        expect(close(apply(m, p), p, 1e-6 * Math.max(w, h))).toBe(true);
      }),
    );
  });

  it("keeps straight lines straight: the middle of an edge goes to a point on the quadrilateral's edge", () => {
    fc.assert(
      fc.property(convexQuad, (quad) => {
        const m = homography(rectangle(100, 100), quad)!;
        const mid = apply(m, { x: 50, y: 0 });
        const [a, b] = [quad[0], quad[1]];
        const cross = (b.x - a.x) * (mid.y - a.y) - (b.y - a.y) * (mid.x - a.x);
        expect(Math.abs(cross) / Math.hypot(b.x - a.x, b.y - a.y)).toBeLessThan(1e-6);
      }),
    );
  });

  it("refuses a degenerate quadrilateral (three corners on one line)", () => {
    expect(homography(rectangle(10, 10), [{ x: 0, y: 0 }, { x: 5, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 10 }])).toBeNull();
    expect(isConvex([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 10, y: 0 }, { x: 0, y: 10 }])).toBe(false);
  });

  it("warps a rectangle onto itself pixel for pixel, and reads a skewed page upright", () => {
    const w = 40;
    const h = 30;
    const data = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) data.set([i % 251, (i * 7) % 253, (i * 13) % 255, 255], i * 4);
    const same = warp({ width: w, height: h, data }, rectangle(w, h), w, h)!;
    expect(Array.from(same.data)).toEqual(Array.from(data));

    // A white page (a parallelogram) on black: straightened, it is white to the edges.
    const W = 200;
    const grey = new Uint8ClampedArray(W * W * 4);
    const page: Quad = [{ x: 40, y: 30 }, { x: 170, y: 50 }, { x: 160, y: 180 }, { x: 30, y: 160 }];
    const inside = homography(page, rectangle(1, 1))!;
    for (let y = 0; y < W; y++)
      for (let x = 0; x < W; x++) {
        const p = apply(inside, { x: x + 0.5, y: y + 0.5 });
        const v = p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1 ? 255 : 0;
        grey.set([v, v, v, 255], (y * W + x) * 4);
      }
    const size = pageSize(page);
    const upright = warp({ width: W, height: W, data: grey }, page, size.width, size.height)!;
    let white = 0;
    for (let i = 0; i < upright.data.length; i += 4) if (upright.data[i]! > 200) white++;
    expect(white / (upright.width * upright.height)).toBeGreaterThan(0.95);
  });

  it("finds the corners of a light page on a dark table", () => {
    const W = 160;
    const H = 200;
    const page: Quad = [{ x: 30, y: 25 }, { x: 125, y: 35 }, { x: 135, y: 170 }, { x: 20, y: 160 }];
    const inside = homography(page, rectangle(1, 1))!;
    const grey = new Uint8Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const p = apply(inside, { x: x + 0.5, y: y + 0.5 });
        // Some noise on both: a photo, not a drawing.
        grey[y * W + x] = (p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1 ? 210 : 60) + ((x * 7 + y * 3) % 20);
      }
    const found = detectPage(grey, W, H)!;
    expect(found).not.toBeNull();
    found.forEach((c, i) => expect(Math.hypot(c.x - page[i]!.x, c.y - page[i]!.y)).toBeLessThan(4));
    // A photo with no page in it: nothing is claimed.
    expect(detectPage(new Uint8Array(W * H).fill(90), W, H)).toBeNull();
    // The darkest page pixel is 210, the lightest table pixel 79: the split falls between.
    expect(otsu(grey)).toBeGreaterThanOrEqual(79);
    expect(otsu(grey)).toBeLessThan(210);
  });
});
