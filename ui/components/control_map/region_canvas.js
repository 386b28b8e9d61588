// The zone cells' canvas: Leaflet's canvas renderer, redrawing only the regions a step changed.
//
// Leaflet's canvas redraws the union of everything that changed: a few dozen cells changing hands all over
// the map make that the whole map. This renderer redraws each changed cell's own region instead, and falls
// back to one full redraw when a step changes very many of them or the view moves.
"use strict";

(function (parts) {
  const MAX_REGIONS = 2000;
  const CELL_PX = 32;
  let RegionCanvas = null;

  // Calls visit(key) for each CELL_PX grid cell a pixel box covers; stops at the first truthy answer.
  function forCells(bounds, visit) {
    const x0 = Math.floor(bounds.min.x / CELL_PX), x1 = Math.floor(bounds.max.x / CELL_PX);
    const y0 = Math.floor(bounds.min.y / CELL_PX), y1 = Math.floor(bounds.max.y / CELL_PX);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        if (visit(x * 1000003 + y)) return true;
      }
    }
    return false;
  }

  function define(L) {
    return L.Canvas.extend({
      _extendRedrawBounds: function (layer) {
        if (!layer._pxBounds) return;
        const pad = (layer.options.weight || 0) + 1;
        (this._regions || (this._regions = [])).push(L.bounds(
          layer._pxBounds.min.subtract([pad, pad]), layer._pxBounds.max.add([pad, pad])));
      },
      _updatePaths: function () {
        this._regions = null;
        this._fullRedraw = true;
        L.Canvas.prototype._updatePaths.call(this);
      },
      _redraw: function () {
        this._redrawRequest = null;
        const regions = this._regions;
        const full = this._fullRedraw || (regions && regions.length > MAX_REGIONS);
        this._regions = null;
        this._fullRedraw = false;
        if (full) {
          this._redrawBounds = null;
          this._clear();
          this._draw();
          return;
        }
        if (regions) this._drawRegions(regions);
      },
      // One pass over the cells whatever the number of regions: clear every region, clip to all of
      // them at once, and draw (in z-order) only the cells whose box meets a region (found through a grid).
      _drawRegions: function (regions) {
        const ctx = this._ctx;
        const cells = new Map(); // grid cell → the regions that cover it
        ctx.save();
        ctx.beginPath();
        for (const bounds of regions) {
          bounds.min._floor();
          bounds.max._ceil();
          const width = bounds.max.x - bounds.min.x, height = bounds.max.y - bounds.min.y;
          ctx.clearRect(bounds.min.x, bounds.min.y, width, height);
          ctx.rect(bounds.min.x, bounds.min.y, width, height);
          forCells(bounds, function (key) {
            if (!cells.has(key)) cells.set(key, []);
            cells.get(key).push(bounds);
          });
        }
        ctx.clip();
        this._drawing = true;
        for (let order = this._drawFirst; order; order = order.next) {
          const layer = order.layer;
          const box = layer._pxBounds;
          if (box && forCells(box, function (key) {
            const covering = cells.get(key);
            return covering !== undefined && covering.some(function (region) { return region.intersects(box); });
          })) {
            layer._updatePath();
          }
        }
        this._drawing = false;
        ctx.restore();
      },
    });
  }

  parts.regionCanvas = function (L, options) {
    RegionCanvas = RegionCanvas || define(L);
    return new RegionCanvas(options);
  };
})((window.ControlMapParts = window.ControlMapParts || {}));
