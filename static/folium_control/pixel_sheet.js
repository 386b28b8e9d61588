// One buffer of pixels that the town sprites are laid into, front to back, and that a canvas takes whole.
//
// Why not the canvas's drawImage per town: in a software-rastered browser each call costs ~5 µs whatever
// the sprite's size, ~60 ms a step at 10,000 towns. Laid front to back, a pixel is final once opaque and
// is not touched again, which is most of them where dots pile up; a step at 10,000 towns costs ~15 ms here.
//
// Plain functions over typed arrays, no DOM but `paint`: tests/js/pixel_sheet.test.js runs them in node.
"use strict";

(function (exports) {
  // A sprite as the pixels it covers (`rgba`: straight RGBA bytes of a `size` × `size` image): for each,
  // its offset in the sprite and its colour premultiplied by its alpha, as channels and packed.
  function stamp(rgba, size, half) {
    const rows = [], cols = [], channels = [], packed = [];
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const k = 4 * (row * size + col), alpha = rgba[k + 3];
        if (!alpha) continue;
        const r = Math.round(rgba[k] * alpha / 255), g = Math.round(rgba[k + 1] * alpha / 255);
        const b = Math.round(rgba[k + 2] * alpha / 255);
        rows.push(row); cols.push(col);
        channels.push(r, g, b, alpha);
        packed.push(pack(r, g, b, alpha));
      }
    }
    return { half: half, size: size, rows: Int32Array.from(rows), cols: Int32Array.from(cols),
      channels: Uint8Array.from(channels), packed: Uint32Array.from(packed), stride: -1, offsets: null };
  }

  // As a Uint32Array over RGBA bytes holds them on every little-endian machine (all browsers' hosts).
  function pack(r, g, b, a) {
    return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
  }

  function PixelSheet(width, height) {
    this.width = width;
    this.height = height;
    this.premultiplied = new Uint32Array(width * height);
    this.top = height; this.bottom = -1; // the rows touched since the last clear
    this.image = null;
  }

  PixelSheet.prototype.clear = function () {
    if (this.bottom >= this.top) this.premultiplied.fill(0, this.top * this.width, (this.bottom + 1) * this.width);
    this.top = this.height; this.bottom = -1;
  };

  // Lay a sprite, its top left corner at (left, top), under what is already there ("destination-over"):
  // out = dst + src × (255 − dstAlpha) / 255. Pixels outside the sheet are cut off.
  PixelSheet.prototype.under = function (sprite, left, top) {
    const width = this.width, height = this.height, buffer = this.premultiplied;
    if (sprite.stride !== width) {
      sprite.offsets = new Int32Array(sprite.rows.length);
      for (let k = 0; k < sprite.rows.length; k++) sprite.offsets[k] = sprite.rows[k] * width + sprite.cols[k];
      sprite.stride = width;
    }
    const rows = sprite.rows, cols = sprite.cols, channels = sprite.channels, packed = sprite.packed;
    const offsets = sprite.offsets;
    const inside = left >= 0 && top >= 0 && left + sprite.size <= width && top + sprite.size <= height;
    const base = top * width + left;
    for (let k = 0; k < offsets.length; k++) {
      if (!inside) {
        const x = left + cols[k], y = top + rows[k];
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
      }
      const i = base + offsets[k], dst = buffer[i];
      if (dst === 0) { buffer[i] = packed[k]; continue; }
      const keep = 255 - (dst >>> 24);
      if (keep <= OPAQUE_ENOUGH) continue;
      // × keep / 255, rounded, without a division: (x × 257 + 32896) >> 16 is exact for x ≤ 255 × 255.
      const c = 4 * k, f = keep * 257;
      const r = (dst & 255) + ((channels[c] * f + 32896) >>> 16);
      const g = ((dst >>> 8) & 255) + ((channels[c + 1] * f + 32896) >>> 16);
      const b = ((dst >>> 16) & 255) + ((channels[c + 2] * f + 32896) >>> 16);
      const a = (dst >>> 24) + ((channels[c + 3] * f + 32896) >>> 16);
      // No sum passes 255: a premultiplied channel is at most its alpha, and the alphas add up to at most 255.
      buffer[i] = pack(r, g, b, a);
    }
    if (top < this.top) this.top = Math.max(0, top);
    if (top + sprite.size - 1 > this.bottom) this.bottom = Math.min(height - 1, top + sprite.size - 1);
  };

  // A pixel this close to opaque (in 255ths) is final: what lies under it would move no channel by more
  // than that (tests/js/pixel_sheet.test.js holds the whole pile within 4 of what a canvas draws).
  const OPAQUE_ENOUGH = 2;

  // Straight (not premultiplied) colour, as a canvas takes it, into `out` (a Uint32Array of the same size).
  PixelSheet.prototype.straight = function (out) {
    const src = this.premultiplied;
    out.fill(0);
    if (this.bottom < this.top) return out;
    for (let i = this.top * this.width, end = (this.bottom + 1) * this.width; i < end; i++) {
      const p = src[i];
      if (p === 0) continue;
      const alpha = p >>> 24;
      if (alpha === 255) { out[i] = p; continue; }
      const scale = 255 / alpha;
      out[i] = pack(Math.min(255, Math.round((p & 255) * scale)), Math.min(255, Math.round(((p >>> 8) & 255) * scale)),
        Math.min(255, Math.round(((p >>> 16) & 255) * scale)), alpha);
    }
    return out;
  };

  // The whole sheet onto a canvas of its size.
  PixelSheet.prototype.paint = function (ctx) {
    if (!this.image) this.image = ctx.createImageData(this.width, this.height);
    this.straight(new Uint32Array(this.image.data.buffer));
    ctx.putImageData(this.image, 0, 0);
  };

  exports.stamp = stamp;
  exports.PixelSheet = PixelSheet;
})(typeof module === "object" && module.exports ? module.exports
  : ((window.ControlMapParts = window.ControlMapParts || {}).pixelSheet = {}));
