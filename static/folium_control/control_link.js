// The live dashboard's map, as streamlit-folium shows it: `ControlLink` is a Leaflet layer that fetches the
// published layer (ui/publish.py) once (layer_fetch.js), builds control_layer.js's pieces on the map
// (ControlLayer, Timeline, Legend), follows what the Streamlit page asks on each rerun (`follow`, sent through streamlit-folium's
// `feature_group_to_add`), and reports what the reader did as the GeoJSON of a clicked layer: streamlit-folium
// listens to the `click` events of the map's layers and returns `e.layer.toGeoJSON()` to Python as
// `last_active_drawing`. Each report is a Feature whose properties say what happened:
//   {kind: "town", id, n}            a click on a drawn town (its point as the geometry);
//   {kind: "date", date, revision, n} where the reader stopped stepping the in-map timeline;
//   {kind: "ready", n}                painted (or failed) once mounted.
// `n` numbers the reports, so two clicks on the same town are two reports.
//
// Nothing from the layer becomes HTML: a problem is shown through textContent.
"use strict";

(function (parts) {
  // The map reports its date only once the reader has stopped stepping. Its own steps repaint at once; a
  // report costs a rerun of the page (its server, and about 80 ms of this tab's renderer at 10,000 towns),
  // which readers stepping on would otherwise ask for on nearly every step. A lone step reports after
  // SETTLE_MS. A step that follows the last within SETTLE_MAX_MS is a reader stepping on: the report waits
  // for a pause of RHYTHM times their own gap between steps, so one stepping a day a second is followed once
  // they stop, not after each day. A tab whose last report took long to come back (a busy machine) waits
  // for a pause of SLOWDOWN times that round trip too, so that it does not ask faster than it follows.
  // bench/load.py's 20 tabs (README, Scale): sidebar steps p50 / p95 1.9 / 4.1 s with a fixed 700 ms,
  // 0.45–0.57 / 1.0–1.4 s with these (two runs).
  const SETTLE_MS = 700;
  const SETTLE_MAX_MS = 2000;
  const RHYTHM = 2;
  const SLOWDOWN = 2;
  // A report whose rerun never reached the map (the page failed): send the next after this long. Not sooner:
  // a tab among many busy ones applied reruns 5–6 s late (bench/load.py), and a report sent before the page
  // has applied the last rerun carries the sidebar slider's value from before it, which the server takes for
  // the reader's (controls.take_map_date): the map's date was refused and the map pulled back.
  const ACK_TIMEOUT_MS = 20000;
  const FOCUS_ZOOM = 8;
  // The page's date slider (Streamlit's sidebar, in the document around this frame) and the keys that move it.
  const SIDEBAR_SLIDER = '[data-testid="stSidebar"] [data-testid="stSlider"]';
  const SLIDER_KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"];
  // When each stage of the first paint finished (ms since the page's navigation): read by bench/browser.py.
  const timing = (window.controlMapTiming = window.controlMapTiming || { script: performance.now() });

  function define(L) {
    const kit = parts.controlKit(L);

    const Problem = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        const box = L.DomUtil.create("div", "map-problem");
        box.setAttribute("role", "alert");
        box.textContent = this.options.message;
        return box;
      },
    });

    const ControlLink = L.Layer.extend({
      // url: the published layer's .json; options.lo/hi: the timeline's span (day numbers).
      initialize: function (url, options) {
        L.setOptions(this, options);
        this._url = url;
        this._layer = null;
        this._timeline = null;
        this._state = null; // the page's last `follow`
        this._revision = null;
        this._sent = 0; // reports so far; each carries its number `n`
        this._awaiting = null; // the number of the report whose rerun has not reached the map yet
        this._awaitingSince = 0;
        this._outbox = []; // reports waiting for it; a newer date replaces a waiting one
        this._retryTimer = null;
        this._settleTimer = null;
        this._lastStepAt = -Infinity; // when the reader last stepped the map's own timeline
        this._roundTrip = 0; // how long the last report took to be acknowledged (ms)
        this._settled = false; // the map has painted, or shown why it cannot
        this._pageWins = false; // the reader took the sidebar's slider: the page's next date is the map's
        this._unwatch = null;
        this._readyReported = false;
      },

      onAdd: function (map) {
        ControlLink.current = this;
        this._load(map);
      },

      // A failed download is tried again on the page's next rerun (a restarted server, a lost connection).
      _load: function (map) {
        const self = this;
        this._loading = true;
        parts.fetchLayer(this._url).then(function (payload) { // layer_fetch.js
          timing.payload = timing.payload || performance.now();
          self._loading = false;
          if (self._problem) { self._problem.remove(); self._problem = null; }
          if (self._map === map) self._build(map, payload);
        }).catch(function (error) {
          self._loading = false;
          if (self._problem) self._problem.remove();
          const why = String(error && error.message ? error.message : error);
          self._problem = new Problem({ message: why + ". Reload the page to try again." }).addTo(map);
          self._settled = true;
          self._announceReady(); // the rest of the page must not wait for a map that cannot come
        });
      },

      onRemove: function () {
        if (ControlLink.current === this) ControlLink.current = null;
        window.clearTimeout(this._settleTimer);
        window.clearTimeout(this._retryTimer);
        if (this._unwatch) this._unwatch();
        for (const part of [this._layer, this._timeline, this._legend]) if (part) part.remove();
      },

      layer: function () { return this._layer; },

      // What the page asks on this rerun: {day, lo, hi, revision, selected, focus, show_zones, show_towns,
      // ack}. `revision` goes up whenever the date was set from outside the map (sidebar, link):
      // only then does the map jump to `day`, so its own quick steps are never pulled back by a slower rerun.
      // `ack` is the number of the last report the page has seen.
      follow: function (state) {
        // A map mounted anew (a new build, the page visited again) numbers on from what the page has seen,
        // so that an old acknowledgement never passes for one of its reports.
        if (typeof state.ack === "number" && this._awaiting === null && state.ack > this._sent) this._sent = state.ack;
        this._acknowledge(state.ack);
        this._state = state;
        if (this._layer) this._apply(state);
        else if (this._map && !this._loading && this._problem) this._load(this._map);
        return this;
      },

      _build: function (map, payload) {
        const self = this;
        const layer = (this._layer = new kit.ControlLayer(payload));
        layer.on("townclick", function (event) {
          const town = layer.townRecord(event.id);
          self._report({ kind: "town", id: event.id }, town ? town.latlng : null);
        });
        layer.on("daychange", this._onDayChange, this);
        this._watchSidebar();
        layer.addTo(map);
        this._timeline = new kit.Timeline(layer, { lo: this.options.lo, hi: this.options.hi }).addTo(map);
        this._legend = new kit.Legend(layer).addTo(map);
        this._apply(this._state || { day: this.options.hi });
        window.controlMap = { // what the browser tests and the benchmark read
          map: map,
          day: function () { return parts.iso(layer.day()); },
          town: function (id) { return layer.town(id); },
          shownTowns: function () { return layer.shownTowns(); },
          shownZones: function () { return layer.shownZones(); },
          townLatLng: function (id) { return layer.townLatLng(id); },
        };
        document.body.dataset.ready = "1";
        timing.built = timing.built || performance.now();
        this._settled = true;
        this._announceReady();
      },

      _apply: function (state) {
        const layer = this._layer;
        if (state.lo !== undefined) this._timeline.setSpan(state.lo, state.hi);
        layer.showTowns(state.show_towns !== false);
        layer.showZones(state.show_zones !== false);
        const focus = state.focus ? state.focus.join(",") : null;
        if (focus !== this._focus) {
          // A search's town: centred, zoomed in to at least FOCUS_ZOOM but never out.
          this._focus = focus;
          if (state.focus) this._map.setView(state.focus, Math.max(this._map.getZoom(), FOCUS_ZOOM));
        }
        if ((state.selected || null) !== layer.selected()) {
          layer.setSelected(state.selected || null);
          this._markPainted(layer.day());
        }
        if (state.revision !== this._revision || layer.day() === null || this._pageWins) {
          // Set from outside the map (sidebar, link): jump there. Otherwise the map already shows the date it
          // reported, or a later one the reader has stepped to since.
          this._pageWins = false;
          this._revision = state.revision;
          this._outbox = this._outbox.filter(function (waiting) { return waiting.properties.kind !== "date"; });
          window.clearTimeout(this._settleTimer);
          layer.setDay(this._timeline.clamp(state.day), "page");
        }
      },

      _onDayChange: function (event) {
        this._markPainted(event.day);
        if (event.by !== "timeline") return;
        this._pageWins = false;
        // With the revision it stepped from: a date set from outside since then wins on the server.
        const self = this;
        window.clearTimeout(this._settleTimer);
        this._settleTimer = window.setTimeout(function () {
          self._report({ kind: "date", date: parts.iso(self._layer.day()), revision: self._revision });
        }, this._settleDelay(performance.now()));
      },

      // How long to wait for a pause after the reader's step at `now`; the step is remembered for the next.
      _settleDelay: function (now) {
        const gap = now - this._lastStepAt;
        this._lastStepAt = now;
        const rhythm = gap < SETTLE_MAX_MS ? RHYTHM * gap : 0; // else a lone step, after a pause
        return Math.min(SETTLE_MAX_MS, Math.max(SETTLE_MS, rhythm, SLOWDOWN * this._roundTrip));
      },

      // The reader's hand on the sidebar's date slider (a key that moves it, a press on it). The page's date
      // wins over the map's steps not yet reported: those were made before, and a report of one sent after
      // the slider's rerun would move the date on past the reader's choice. It happened when the press landed
      // on the date the page had just set from the map's previous report (a busy tab whose thumb still showed
      // the date before it): the server saw no move, so no new revision, and took the map's next report.
      _watchSidebar: function () {
        let doc = null;
        try {
          if (window.parent && window.parent !== window) doc = window.parent.document;
        } catch (e) {
          return; // another origin: no page to watch
        }
        if (!doc || !doc.addEventListener) return;
        const self = this;
        const taken = function (event) {
          const target = event.target;
          if (event.type === "keydown" && SLIDER_KEYS.indexOf(event.key) < 0) return;
          if (target && typeof target.closest === "function" && target.closest(SIDEBAR_SLIDER)) self._sidebarTaken();
        };
        doc.addEventListener("keydown", taken, true);
        doc.addEventListener("pointerdown", taken, true);
        this._unwatch = function () {
          doc.removeEventListener("keydown", taken, true);
          doc.removeEventListener("pointerdown", taken, true);
        };
      },

      _sidebarTaken: function () {
        window.clearTimeout(this._settleTimer);
        this._outbox = this._outbox.filter(function (waiting) { return waiting.properties.kind !== "date"; });
        this._pageWins = true;
        // Back to the date the page last sent; its next rerun brings the slider's.
        if (this._layer && this._state && typeof this._state.day === "number") {
          this._layer.setDay(this._timeline.clamp(this._state.day), "page");
        }
      },

      _markPainted: function (day) {
        const text = parts.iso(day);
        document.body.dataset.day = text;
        // Leaflet redraws its canvas in the next animation frame; this one runs after it.
        window.requestAnimationFrame(function () {
          document.body.dataset.painted = text;
          timing.painted = timing.painted || performance.now();
        });
      },

      // Once per mount, when the map has painted (or shown why it cannot). The page holds back its
      // below-the-fold parts (the area chart) until then: they load a large chart library on the same main
      // thread, and the map is what the reader came for. Its rerun also sends the page's state again, which
      // streamlit-folium drops while the frame is still loading its scripts.
      _announceReady: function () {
        if (!this._settled || this._readyReported) return;
        this._readyReported = true;
        const self = this;
        window.requestAnimationFrame(function () { window.setTimeout(function () { self._report({ kind: "ready" }); }, 0); });
      },

      // Reports reach the server one at a time: the next is sent only once the page has followed with the
      // previous one's number (`ack`), i.e. that report's rerun has come this far. A tab then asks the server
      // for one rerun at a time, never a queue of them; a newer date replaces one still waiting.
      _report: function (properties, latlng) {
        if (properties.kind === "date") this._outbox = this._outbox.filter(function (w) { return w.properties.kind !== "date"; });
        this._outbox.push({ properties: properties, latlng: latlng || null });
        this._flush();
      },

      _flush: function () {
        window.clearTimeout(this._retryTimer);
        if (!this._outbox.length) return;
        const waited = performance.now() - this._awaitingSince;
        if (this._awaiting !== null && waited < ACK_TIMEOUT_MS) {
          this._retryTimer = window.setTimeout(this._flush.bind(this), ACK_TIMEOUT_MS - waited);
          return;
        }
        this._sent += 1;
        this._awaiting = this._sent;
        this._awaitingSince = performance.now();
        const next = this._outbox.shift();
        const feature = {
          type: "Feature",
          geometry: next.latlng ? { type: "Point", coordinates: [next.latlng.lng, next.latlng.lat] } : null,
          properties: Object.assign({ n: this._sent }, next.properties),
        };
        this.fire("click", { latlng: next.latlng, layer: { toGeoJSON: function () { return feature; } } });
      },

      _acknowledge: function (ack) {
        if (this._awaiting !== null && typeof ack === "number" && ack >= this._awaiting) {
          this._awaiting = null;
          this._roundTrip = performance.now() - this._awaitingSince;
          this._flush();
        }
      },
    });
    ControlLink.current = null;
    // What the page's per-rerun script calls: there is one live map per frame.
    ControlLink.follow = function (state) {
      if (!ControlLink.current) throw new Error("the control map's layer is not on the map");
      return ControlLink.current.follow(state);
    };
    return ControlLink;
  }

  parts.controlLink = function (L) {
    if (!L.ControlLink) {
      L.ControlLink = define(L);
      L.controlLink = function (url, options) { return new L.ControlLink(url, options); };
    }
    return L.ControlLink;
  };

  if (window.L) parts.controlLink(window.L);
})((window.ControlMapParts = window.ControlMapParts || {}));
