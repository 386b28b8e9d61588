// The zone cells, drawn on one canvas straight from the payload's packed rings.
//
// Why not a Leaflet polygon per cell: at 10,000 towns there are ~7,500 cells, and building, adding and
// styling that many layers cost ~250 ms of the first paint, before anything was drawn. Here a cell is
// its rings as typed arrays in the map's world pixels at zoom 0 (projected once; any zoom is a scaling of
// them), drawn as plain canvas paths.
//
// A step redraws only the regions of the cells whose look changed (cells changing hands all over the map
// would otherwise make it the whole map), or everything when very many changed or the view moved.
//
// The layer knows cells only as rings with a named look; the control map decides the looks.
"use strict";

(function (parts) {
  const MAX_REGIONS = 2000;
  const GRID_PX = 32; // regions are matched to cells through a grid of this many pixels
  let ZoneCells = null;

  // Calls visit(key) for each grid square a box [x0, y0, x1, y1] covers; stops at the first truthy answer.
  function forSquares(x0, y0, x1, y1, visit) {
    const gx0 = Math.floor(x0 / GRID_PX), gx1 = Math.floor(x1 / GRID_PX);
    const gy0 = Math.floor(y0 / GRID_PX), gy1 = Math.floor(y1 / GRID_PX);
    for (let gx = gx0; gx <= gx1; gx++) {
      for (let gy = gy0; gy <= gy1; gy++) {
        if (visit(gx * 1000003 + gy)) return true;
      }
    }
    return false;
  }

  function meets(a, b) {
    return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
  }

  // A packed polygon list (see ui/map_payload.py: per ring [lon0, lat0, dlon1, dlat1, …] in grid integers)
  // as rings of world pixels at zoom 0, and their box [x0, y0, x1, y1].
  function unpack(crs, polygons, scale) {
    const rings = [];
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    const latlng = { lat: 0, lng: 0 };
    for (const polygon of polygons) {
      for (const packed of polygon) {
        const ring = new Float64Array(packed.length);
        let lon = 0, lat = 0;
        for (let k = 0; k < packed.length; k += 2) {
          lon += packed[k];
          lat += packed[k + 1];
          latlng.lng = lon / scale;
          latlng.lat = lat / scale;
          const point = crs.latLngToPoint(latlng, 0);
          ring[k] = point.x;
          ring[k + 1] = point.y;
          if (point.x < box[0]) box[0] = point.x;
          if (point.y < box[1]) box[1] = point.y;
          if (point.x > box[2]) box[2] = point.x;
          if (point.y > box[3]) box[3] = point.y;
        }
        rings.push(ring);
      }
    }
    return { rings: rings, box: box };
  }

  function define(L) {
    return parts.canvasSheet(L).extend({
      // cells: [{rings, box (from `unpack`), look}] (look: a key of `styles`, or null when not drawn);
      // styles: Map look → {fillColor, fillOpacity, color, weight, opacity, dashArray, front (0 or 1)}.
      initialize: function (cells, styles, options) {
        L.Renderer.prototype.initialize.call(this, options);
        this._cells = cells;
        this._styles = styles;
        this._changed = [];
        this._full = true;
      },

      // A new view: everything is redrawn, not regions.
      _resized: function () {
        this._full = true;
      },

      // The cell's look changed: its region is redrawn at the next frame.
      changed: function (index) {
        if (!this._full) this._changed.push(index);
        if (this._changed.length > MAX_REGIONS) this._full = true;
      },

      // From world pixels at zoom 0 to this canvas's pixels: x * scale + dx.
      _frame: function () {
        const map = this._map, crs = map.options.crs;
        const origin = map.getPixelOrigin();
        return { scale: crs.scale(map.getZoom()) / crs.scale(0), dx: -origin.x - this._bounds.min.x,
          dy: -origin.y - this._bounds.min.y, size: this._bounds.getSize() };
      },

      _pixelBox: function (cell, frame, pad) {
        const b = cell.box, s = frame.scale;
        return [b[0] * s + frame.dx - pad, b[1] * s + frame.dy - pad, b[2] * s + frame.dx + pad,
          b[3] * s + frame.dy + pad];
      },

      _draw: function () {
        if (!this._map || !this._ctx) return;
        const ctx = this._ctx, frame = this._frame();
        const view = [0, 0, frame.size.x, frame.size.y];
        ctx.setTransform(this._ratio, 0, 0, this._ratio, 0, 0);
        if (this._full || !this._changed.length) {
          this._full = false;
          this._changed = [];
          ctx.clearRect(0, 0, frame.size.x, frame.size.y);
          this._paint(ctx, frame, function (box) { return meets(box, view); });
          return;
        }
        // Clear every changed cell's region, clip to all of them at once, and repaint (plain, then
        // contested) the cells whose box meets one of them, found through a grid.
        const regions = new Map(); // grid square → the region boxes that cover it
        ctx.save();
        ctx.beginPath();
        for (const index of this._changed) {
          const box = this._pixelBox(this._cells[index], frame, 4).map(Math.round);
          if (!meets(box, view)) continue;
          ctx.clearRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
          ctx.rect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
          forSquares(box[0], box[1], box[2], box[3], function (key) {
            if (!regions.has(key)) regions.set(key, []);
            regions.get(key).push(box);
          });
        }
        this._changed = [];
        ctx.clip();
        this._paint(ctx, frame, function (box) {
          return forSquares(box[0], box[1], box[2], box[3], function (key) {
            const covering = regions.get(key);
            return covering !== undefined && covering.some(function (region) { return meets(region, box); });
          });
        });
        ctx.restore();
      },

      // The cells whose pixel box passes `wanted`, each its own path: the plain ones first, then the
      // contested ones (front 1) so their dashed edges stay whole on top. (One path per look instead was
      // measured 2–3× slower to raster: a path's cost grows with the area it spans, not only its length.)
      _paint: function (ctx, frame, wanted) {
        const s = frame.scale, dx = frame.dx, dy = frame.dy;
        let current = null;
        for (let band = 0; band < 2; band++) {
          for (const cell of this._cells) {
            if (cell.look === null) continue;
            const style = this._styles.get(cell.look);
            if (style.front !== band || !wanted(this._pixelBox(cell, frame, style.weight / 2 + 1))) continue;
            if (style !== current) {
              current = style;
              ctx.fillStyle = style.fillColor;
              ctx.strokeStyle = style.color;
              ctx.lineWidth = style.weight;
              ctx.setLineDash(style.dashArray || []);
            }
            ctx.beginPath();
            for (const ring of cell.rings) {
              ctx.moveTo(ring[0] * s + dx, ring[1] * s + dy);
              for (let k = 2; k < ring.length; k += 2) ctx.lineTo(ring[k] * s + dx, ring[k + 1] * s + dy);
              ctx.closePath();
            }
            ctx.globalAlpha = style.fillOpacity;
            ctx.fill("evenodd");
            ctx.globalAlpha = style.opacity;
            ctx.stroke();
          }
        }
        ctx.globalAlpha = 1;
      },
    });
  }

  parts.unpackCell = unpack;

  parts.zoneCells = function (L, cells, styles, options) {
    ZoneCells = ZoneCells || define(L);
    return new ZoneCells(cells, styles, options);
  };
})((window.ControlMapParts = window.ControlMapParts || {}));
