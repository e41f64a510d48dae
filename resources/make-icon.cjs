#!/usr/bin/env node
// Draws the app icon (resources/icon.png, 512x512): a rounded blue tile with a white phone keypad
// of 3x4 dots. Plain Node (zlib) so no image tool is needed; run it again after changing the design.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], alpha) {
  if (alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  const dstA = pixels[i + 3] / 255;
  const outA = a + dstA * (1 - a);
  for (const [k, c] of [[0, r], [1, g], [2, b]]) pixels[i + k] = Math.round((c * a + pixels[i + k] * dstA * (1 - a)) / (outA || 1));
  pixels[i + 3] = Math.round(outA * 255);
}

// Coverage of a pixel by a shape given its signed distance (negative inside): 1px anti-aliasing.
const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function roundedRectDistance(x, y, inset, radius) {
  const half = SIZE / 2 - inset;
  const dx = Math.abs(x - SIZE / 2) - (half - radius);
  const dy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
}

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    const t = py / SIZE;
    const tile = [Math.round(21 + 20 * t), Math.round(101 - 40 * t), Math.round(192 - 40 * t)];
    blend(x, y, tile, coverage(roundedRectDistance(px, py, 24, 96)));
    // Keypad: 3 columns x 4 rows of dots.
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 3; col++) {
        const cx = SIZE / 2 + (col - 1) * 100;
        const cy = SIZE / 2 + (row - 1.5) * 88;
        const d = Math.hypot(px - cx, py - cy) - 30;
        if (d < 2) blend(x, y, [255, 255, 255], coverage(d));
      }
    }
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, 'icon.png');
fs.writeFileSync(out, png);
console.log(`${out} (${png.length} bytes)`);
