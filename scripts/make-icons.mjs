// Draws the app icons (a white house on Idarti green) as PNG files without any image library.
// Run by hand when the icon changes: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, { maskable }) {
  const green = [11, 95, 74, 255];
  const white = [255, 255, 255, 255];
  const clear = [0, 0, 0, 0];
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const r = maskable ? 0 : size * 0.18; // corner radius; maskable icons fill the square
  const s = maskable ? 0.6 : 0.75; // the house sits inside the maskable safe zone
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let px = green;
      // rounded corners
      const cx = x < r ? r : x > size - 1 - r ? size - 1 - r : x;
      const cy = y < r ? r : y > size - 1 - r ? size - 1 - r : y;
      if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) px = clear;
      else {
        // house in unit coordinates centred on the icon
        const u = (x / size - 0.5) / s + 0.5;
        const v = (y / size - 0.5) / s + 0.5;
        const roof = v >= 0.15 && v <= 0.5 && Math.abs(u - 0.5) <= (v - 0.15) * (0.38 / 0.35);
        const body = u >= 0.2 && u <= 0.8 && v >= 0.45 && v <= 0.85;
        const door = u >= 0.43 && u <= 0.57 && v >= 0.62 && v <= 0.85;
        if ((roof || body) && !door) px = white;
      }
      raw.set(px, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("public/icons", { recursive: true });
writeFileSync("public/icons/icon-192.png", png(192, { maskable: false }));
writeFileSync("public/icons/icon-512.png", png(512, { maskable: false }));
writeFileSync("public/icons/maskable-512.png", png(512, { maskable: true }));
console.log("icons written");
