// The towns, drawn as pre-rendered dots on one canvas.
//
// Why not Leaflet's circle markers: at 10,000 towns the map at its first zoom packs several dozen dots
// into every few pixels, so even redrawing only the regions a step changed meant re-stroking ~7,700
// anti-aliased (often dashed) circles per step; in a software-rastered browser that raster cost ~160 ms a
// step. Here each distinct look (force, contested by whom, uncertain, selected) is drawn once into a small
// sprite, and a step lays every town's sprite into one buffer of pixels (pixel_sheet.js) that the canvas
// takes as one image.
//
// The layer draws no text. It knows towns only as points with a named look; the control map decides the
// looks (control_layer.js) and hears about clicks through `onClick(index)`.
"use strict";

(function (parts) {
  const TOLERANCE_PX = 3; // a click this close to a dot's edge still hits it
  let TownDots = null;

  function define(L) {
    return parts.canvasSheet(L).extend({
      // towns: [{latlng, look}] (look: a key of `styles`, or null when the town is not drawn);
      // styles: Map look → {radius, fillColor, fillOpacity, color, weight, opacity, dashArray, front (0–2),
      //   mark: {radius, color} of a dot in the centre, or null};
      // onClick(index): a click on a drawn town (the topmost one under the pointer).
      initialize: function (towns, styles, onClick, options) {
        L.Renderer.prototype.initialize.call(this, options);
        this._towns = towns;
        this._styles = styles;
        this._onTownClick = onClick;
        this._sprites = new Map();
        this._projectedZoom = null;
        this._drawn = new Int32Array(towns.length);
        this._drawnFrom = towns.length;
      },

      getEvents: function () {
        const events = L.Renderer.prototype.getEvents.call(this);
        events.click = this._onClick;
        events.mousemove = this._onMouseMove;
        return events;
      },

      // Sprites are drawn at the screen's pixel ratio: a new ratio (the window moved screens) redraws them.
      _resized: function (ratioChanged) {
        if (ratioChanged) this._sprites.clear();
      },

      // Each town's pixel position in the map's world space at the current zoom, computed once per zoom.
      _project: function () {
        const zoom = this._map.getZoom();
        if (zoom === this._projectedZoom) return;
        const count = this._towns.length;
        this._xs = new Float64Array(count);
        this._ys = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          const point = this._map.project(this._towns[i].latlng, zoom);
          this._xs[i] = point.x;
          this._ys[i] = point.y;
        }
        this._projectedZoom = zoom;
      },

      _sprite: function (look, style) {
        let sprite = this._sprites.get(look);
        if (sprite) return sprite;
        const ratio = this._ratio;
        const half = Math.ceil(style.radius + style.weight / 2 + 1);
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = Math.ceil(2 * half * ratio);
        const ctx = canvas.getContext("2d");
        ctx.scale(ratio, ratio);
        ctx.beginPath();
        ctx.arc(half, half, style.radius, 0, Math.PI * 2);
        ctx.globalAlpha = style.fillOpacity;
        ctx.fillStyle = style.fillColor;
        ctx.fill();
        ctx.globalAlpha = style.opacity;
        ctx.strokeStyle = style.color;
        ctx.lineWidth = style.weight;
        if (style.dashArray) ctx.setLineDash(style.dashArray);
        ctx.stroke();
        if (style.mark) {
          ctx.setLineDash([]);
          ctx.beginPath();
          ctx.arc(half, half, style.mark.radius, 0, Math.PI * 2);
          ctx.globalAlpha = 1;
          ctx.fillStyle = style.mark.color;
          ctx.fill();
        }
        sprite = parts.pixelSheet.stamp(ctx.getImageData(0, 0, canvas.width, canvas.width).data, canvas.width, half);
        this._sprites.set(look, sprite);
        return sprite;
      },

      // Everything at once, in three bands (plain, contested, selected) so the towns that matter most are
      // on top; within a band, in the payload's order. Remembers the drawing order for hit-testing.
      _draw: function () {
        if (!this._map || !this._ctx) return;
        this._project();
        const canvas = this._container, ratio = this._ratio, bounds = this._bounds;
        const sheet = this._sheetFor(canvas.width, canvas.height);
        const origin = this._map.getPixelOrigin();
        const dx = -origin.x - bounds.min.x, dy = -origin.y - bounds.min.y;
        const width = bounds.max.x - bounds.min.x, height = bounds.max.y - bounds.min.y;
        const towns = this._towns, xs = this._xs, ys = this._ys;
        sheet.clear();
        // Front to back (selected, contested, plain; later towns over earlier ones within a band), so a pixel
        // is final once opaque; `_drawn` keeps the back-to-front order that hit-testing walks from its end.
        let drawn = towns.length;
        for (let band = 2; band >= 0; band--) {
          for (let i = towns.length - 1; i >= 0; i--) {
            const look = towns[i].look;
            if (look === null) continue;
            const style = this._styles.get(look);
            if (style.front !== band) continue;
            const x = Math.round(xs[i] + dx), y = Math.round(ys[i] + dy);
            const sprite = this._sprite(look, style);
            if (x < -sprite.half || y < -sprite.half || x > width + sprite.half || y > height + sprite.half) continue;
            sheet.under(sprite, Math.round((x - sprite.half) * ratio), Math.round((y - sprite.half) * ratio));
            this._drawn[--drawn] = i;
          }
        }
        this._drawnFrom = drawn;
        sheet.paint(this._ctx);
      },

      _sheetFor: function (width, height) {
        if (!this._sheet || this._sheet.width !== width || this._sheet.height !== height) {
          this._sheet = new parts.pixelSheet.PixelSheet(width, height);
        }
        return this._sheet;
      },

      // The index of the topmost drawn town under a container point, or -1.
      townAt: function (containerPoint) {
        if (!this._map || this._projectedZoom !== this._map.getZoom()) return -1;
        const world = this._map.containerPointToLayerPoint(containerPoint).add(this._map.getPixelOrigin());
        for (let k = this._drawn.length - 1; k >= this._drawnFrom; k--) {
          const i = this._drawn[k];
          const style = this._styles.get(this._towns[i].look);
          if (!style) continue;
          const reach = style.radius + style.weight / 2 + TOLERANCE_PX;
          const ddx = this._xs[i] - world.x, ddy = this._ys[i] - world.y;
          if (ddx * ddx + ddy * ddy <= reach * reach) return i;
        }
        return -1;
      },

      _onClick: function (event) {
        const index = this.townAt(event.containerPoint);
        if (index >= 0) this._onTownClick(index);
      },

      _onMouseMove: function (event) {
        this._map.getContainer().style.cursor = this.townAt(event.containerPoint) >= 0 ? "pointer" : "";
      },
    });
  }

  parts.townDots = function (L, towns, styles, onClick, options) {
    TownDots = TownDots || define(L);
    return new TownDots(towns, styles, onClick, options);
  };
})((window.ControlMapParts = window.ControlMapParts || {}));
