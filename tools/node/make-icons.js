#!/usr/bin/env node
// Writes the Teams app icons deterministically (no image library): color.png 192x192 (a white "集" block pattern on the
// accent colour) and outline.png 32x32 (white on transparent, as Teams requires). Usage: node make-icons.js <folder>.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel(x / size, y / size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Five ward offices (squares) gathering into one (the centre): the review's idea, drawn as blocks.
function mark(u, v) {
  const inBox = (cx, cy, half) => Math.abs(u - cx) <= half && Math.abs(v - cy) <= half;
  return inBox(0.5, 0.5, 0.14) || [[0.22, 0.22], [0.78, 0.22], [0.22, 0.78], [0.78, 0.78]].some(([x, y]) => inBox(x, y, 0.08))
    || (Math.abs(u - v) < 0.025 || Math.abs(u + v - 1) < 0.025) && Math.abs(u - 0.5) > 0.14 && Math.abs(u - 0.5) < 0.3;
}

const folder = process.argv[2] || ".";
fs.writeFileSync(path.join(folder, "color.png"), png(192, (u, v) => (mark(u, v) ? [255, 255, 255, 255] : [0x1f, 0x5f, 0xa8, 255])));
fs.writeFileSync(path.join(folder, "outline.png"), png(32, (u, v) => (mark(u, v) ? [255, 255, 255, 255] : [0, 0, 0, 0])));
