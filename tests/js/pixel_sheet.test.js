// The map's town compositor (static/folium_control/pixel_sheet.js) against plain source-over
// compositing in floating point: what a reader sees must be what the canvas itself would have drawn.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { stamp, PixelSheet } = require(path.join(__dirname, "../../static/folium_control/pixel_sheet.js"));

// A disc of one straight colour and alpha, with a soft edge (as anti-aliasing leaves it).
function disc(size, [r, g, b], alpha) {
  const rgba = new Uint8ClampedArray(size * size * 4), c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c), cover = Math.max(0, Math.min(1, size / 2 - d));
      const k = 4 * (y * size + x);
      rgba.set([r, g, b, Math.round(255 * alpha * cover)], k);
    }
  }
  return rgba;
}

// Back to front, in floats: the order a canvas draws in.
function reference(width, height, placed) {
  const out = new Float64Array(width * height * 4); // premultiplied, 0–1
  for (const { rgba, size, left, top } of placed) {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const X = left + x, Y = top + y;
        if (X < 0 || Y < 0 || X >= width || Y >= height) continue;
        const s = 4 * (y * size + x), d = 4 * (Y * width + X), a = rgba[s + 3] / 255;
        for (let ch = 0; ch < 3; ch++) out[d + ch] = (rgba[s + ch] / 255) * a + out[d + ch] * (1 - a);
        out[d + 3] = a + out[d + 3] * (1 - a);
      }
    }
  }
  return out;
}

function composite(width, height, placed) {
  const sheet = new PixelSheet(width, height);
  for (let k = placed.length - 1; k >= 0; k--) { // front to back, as the map lays them
    const { rgba, size, left, top } = placed[k];
    sheet.under(stamp(rgba, size, size / 2), left, top);
  }
  return new Uint8Array(sheet.straight(new Uint32Array(width * height)).buffer);
}

function worstDifference(width, height, placed) {
  const got = composite(width, height, placed), want = reference(width, height, placed);
  let worst = 0;
  for (let i = 0; i < width * height; i++) {
    const a = want[4 * i + 3];
    worst = Math.max(worst, Math.abs(got[4 * i + 3] - a * 255));
    // Each channel as it shows over the map under it: weighted by its alpha (a faint pixel's colour barely shows).
    for (let ch = 0; ch < 3; ch++) {
      worst = Math.max(worst, Math.abs((got[4 * i + ch] * got[4 * i + 3]) / 255 - want[4 * i + ch] * 255));
    }
  }
  return worst;
}

function random(seed) {
  return function () {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

test("piled-up dots look as the canvas would draw them, within 4 of 255 per channel over the map", () => {
  const next = random(7), width = 64, height = 48, placed = [];
  const colours = [[0, 0, 0], [230, 159, 0], [86, 180, 233], [0, 158, 115], [213, 94, 0]];
  for (let k = 0; k < 400; k++) {
    const size = 6 + Math.floor(next() * 12);
    placed.push({ rgba: disc(size, colours[k % colours.length], next() < 0.5 ? 0.9 : 0.45), size,
      left: Math.floor(next() * (width + size)) - size, top: Math.floor(next() * (height + size)) - size });
  }
  const worst = worstDifference(width, height, placed);
  assert.ok(worst <= 4, `worst ${worst}`);
});

test("the dot in front wins where it is opaque", () => {
  const red = disc(8, [255, 0, 0], 1), blue = disc(8, [0, 0, 255], 1);
  const out = composite(10, 10, [{ rgba: blue, size: 8, left: 1, top: 1 }, { rgba: red, size: 8, left: 1, top: 1 }]);
  const centre = 4 * (5 * 10 + 5);
  assert.deepEqual(Array.from(out.slice(centre, centre + 4)), [255, 0, 0, 255]);
});

test("a dot over the sheet's edge is cut off, not wrapped onto the next row", () => {
  const out = composite(10, 10, [{ rgba: disc(6, [0, 0, 0], 1), size: 6, left: 7, top: 2 }]);
  for (let y = 0; y < 10; y++) {
    for (let x = 0; x < 3; x++) assert.equal(out[4 * (y * 10 + x) + 3], 0, `pixel ${x},${y}`);
  }
});

test("a cleared sheet keeps nothing of the previous step", () => {
  const sheet = new PixelSheet(12, 12), dot = stamp(disc(6, [0, 0, 0], 1), 6, 3);
  sheet.under(dot, 2, 2);
  sheet.clear();
  sheet.under(dot, 6, 6);
  const out = new Uint8Array(sheet.straight(new Uint32Array(144)).buffer);
  assert.equal(out[4 * (4 * 12 + 4) + 3], 0);
  assert.equal(out[4 * (9 * 12 + 9) + 3], 255);
});
