// A Leaflet renderer that is one canvas over the view (plus Leaflet's padding), sized to the screen's pixel
// ratio, redrawn whole when the view settles and at most once per animation frame otherwise. What it
// draws is up to its subclasses: `_draw()`, and `_resized(ratioChanged)` before a redraw of a new view.
//
// The zone cells (zone_cells.js) and the towns (town_dots.js) are such sheets. A sheet takes no pointer
// events: the map's own events do any hit-testing (town_dots.js's `townAt`).
"use strict";

(function (parts) {
  let CanvasSheet = null;

  function define(L) {
    return L.Renderer.extend({
      options: { padding: 0.1 },

      _initContainer: function () {
        this._container = document.createElement("canvas");
        this._container.style.pointerEvents = "none";
        this._ctx = this._container.getContext("2d");
      },

      _destroyContainer: function () {
        L.Util.cancelAnimFrame(this._redrawRequest);
        L.DomUtil.remove(this._container);
        delete this._ctx;
        delete this._container;
      },

      _update: function () {
        if (this._map._animatingZoom && this._bounds) return;
        L.Renderer.prototype._update.call(this);
        const size = this._bounds.getSize();
        const ratio = window.devicePixelRatio || 1;
        const ratioChanged = ratio !== this._ratio;
        this._ratio = ratio;
        L.DomUtil.setPosition(this._container, this._bounds.min);
        this._container.width = Math.round(size.x * ratio);
        this._container.height = Math.round(size.y * ratio);
        this._container.style.width = size.x + "px";
        this._container.style.height = size.y + "px";
        this._resized(ratioChanged);
        this._draw();
      },

      _resized: function () {},

      // Draw at the next animation frame, once however much changed before it.
      redraw: function () {
        if (this._map && !this._redrawRequest) {
          this._redrawRequest = L.Util.requestAnimFrame(function () {
            this._redrawRequest = null;
            this._draw();
          }, this);
        }
        return this;
      },
    });
  }

  parts.canvasSheet = function (L) {
    CanvasSheet = CanvasSheet || define(L);
    return CanvasSheet;
  };
})((window.ControlMapParts = window.ControlMapParts || {}));
