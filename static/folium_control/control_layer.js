// The control map as Leaflet pieces, with no knowledge of who hosts them: the live dashboard's map
// (control_link.js, through streamlit-folium) and the standalone HTML export (through folium) both build a map of
// them. `ControlLayer` draws the towns and zone cells of one packed payload (ui/map_payload.py) on a date;
// `Timeline` is the ◀ slider ▶ bar that steps it in the browser; `Legend` says what the colours mean.
//
// Nothing here turns payload text into HTML: names and force names go through textContent.
"use strict";

(function (parts) {
  const DAY_MS = 86400000;
  const MAX_LABELS = 400; // permanent labels are DOM nodes: only the towns in view, and not too many
  let kit = null;

  function iso(dayNumber) {
    return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  }

  function safeColour(value) {
    return /^#[0-9a-fA-F]{3,8}$/.test(String(value)) ? String(value) : "#999999";
  }

  // The one half-open rule of geo.state.covers: from ≤ day < to, an open end (null) reaching forever.
  function covers(from, to, day) {
    return (from === null || from <= day) && (to === null || day < to);
  }

  // The index of the last row ([from, to, …], in time order) that covers `day`, or -1: a town's period
  // or a zone cell's span on that date.
  function rowOn(rows, day) {
    let found = -1;
    for (let i = 0; i < rows.length; i++) {
      if (covers(rows[i][0], rows[i][1], day)) found = i;
    }
    return found;
  }

  // Every day on which some town's or zone's state begins or ends, in order: the timeline's ◀ ▶ stops.
  function changeDays(payload) {
    const days = new Set();
    for (const periods of payload.towns.periods) {
      for (const row of periods) {
        if (row[0] !== null) days.add(row[0]);
        if (row[1] !== null) days.add(row[1]);
      }
    }
    return Array.from(days).sort(function (a, b) { return a - b; });
  }

  function define(L) {
    const ControlLayer = L.Layer.extend({
      // payload: the packed layer; options.onTownClick(town) for a click on a drawn town.
      initialize: function (payload, options) {
        L.setOptions(this, options);
        this._payload = payload;
        this._day = null;
        this._selected = null;
        this._looks = new Map(); // a town's look (its drawn state as a key) → its style, for town_dots.js
        this._zoneLooks = new Map();
        const scale = payload.coordinate_scale, towns = payload.towns;
        this._towns = towns.id.map(function (id, i) {
          return { index: i, id: id, name: towns.name[i], latlng: L.latLng(towns.lat[i] / scale, towns.lon[i] / scale),
            periods: towns.periods[i], shown: -1, selected: false, look: null };
        });
        this._byId = new Map(this._towns.map(function (town) { return [town.id, town]; }));
      },

      onAdd: function (map) {
        if (!map.getPane("borders")) {
          map.createPane("borders").style.zIndex = 350;
          map.createPane("zones").style.zIndex = 390;
          map.getPane("borders").style.pointerEvents = "none";
          map.getPane("zones").style.pointerEvents = "none";
        }
        const payload = this._payload, self = this;
        if (payload.borders) {
          this._borders = L.geoJSON(payload.borders, { pane: "borders", interactive: false,
            renderer: L.canvas({ pane: "borders" }),
            style: function () { return Object.assign({}, payload.style.borders); } })
            .addTo(map);
        }
        const crs = map.options.crs, scale = payload.coordinate_scale;
        this._zones = payload.zones.map(function (cell) {
          const shape = parts.unpackCell(crs, cell.polygons, scale);
          return { spans: cell.spans, rings: shape.rings, box: shape.box, shown: -1, look: null };
        });
        this._zoneLayer = parts.zoneCells(L, this._zones, this._zoneLooks, { pane: "zones" }).addTo(map);
        this._townLayer = parts.townDots(L, this._towns, this._looks, function (index) {
          const town = self._towns[index];
          self.fire("townclick", { id: town.id, index: town.index, name: town.name });
          if (self.options.onTownClick) self.options.onTownClick(town);
        }, { pane: "overlayPane" }).addTo(map);
        this._labels = L.layerGroup().addTo(map);
        map.on("zoomend moveend", this._paintLabels, this);
        if (this._day !== null) this._repaint(true);
      },

      onRemove: function (map) {
        map.off("zoomend moveend", this._paintLabels, this);
        for (const layer of [this._borders, this._zoneLayer, this._townLayer, this._labels]) {
          if (layer) map.removeLayer(layer);
        }
      },

      payload: function () { return this._payload; },
      selected: function () { return this._selected; },
      day: function () { return this._day; },
      changes: function () {
        if (!this._changes) this._changes = changeDays(this._payload);
        return this._changes;
      },

      // The first and last day worth showing: the first and last change, or today with none.
      span: function () {
        const changes = this.changes();
        if (!changes.length) { const today = Math.floor(Date.now() / DAY_MS); return [today, today + 1]; }
        return [changes[0], Math.max(changes[changes.length - 1], changes[0] + 1)];
      },

      // Show the map on a day (days since 1970-01-01). `by` says who moved it ("timeline" for the bar, or
      // what the host likes); the layer fires "daychange" {day, by} once it has restyled.
      setDay: function (day, by) {
        const changed = day !== this._day;
        this._day = day;
        if (changed && this._map) this._repaint(false);
        this.fire("daychange", { day: day, by: by || null, changed: changed });
        return this;
      },

      setSelected: function (id) {
        if (id === this._selected) return this;
        this._selected = id;
        for (const town of this._towns) {
          const selected = town.id === id;
          if (selected !== town.selected) {
            town.selected = selected;
            if (town.shown >= 0) this._restyleTown(town);
          }
        }
        if (this._townLayer) this._townLayer.redraw();
        return this;
      },

      showTowns: function (on) {
        const map = this._map;
        if (map && on !== map.hasLayer(this._townLayer)) {
          if (on) this._townLayer.addTo(map); else map.removeLayer(this._townLayer);
          this._paintLabels();
        }
        return this;
      },

      showZones: function (on) {
        const map = this._map;
        if (map && on !== map.hasLayer(this._zoneLayer)) {
          if (on) this._zoneLayer.addTo(map); else map.removeLayer(this._zoneLayer);
        }
        return this;
      },

      // A town's state on the shown day, in the layer's words (null when it is not drawn).
      town: function (id) {
        const town = this._byId.get(id);
        if (!town || town.shown < 0) return null;
        const row = town.periods[town.shown], forces = this._payload.forces;
        return { force: forces[row[2]].code, status: row[3] === 1 ? "contested" : "held",
          contested_by: row[4] >= 0 ? forces[row[4]].code : null, uncertain: row[5] === 1, checked: row[6] === 1,
          selected: town.selected };
      },
      townRecord: function (id) { return this._byId.get(id) || null; },
      townLatLng: function (id) { const town = this._byId.get(id); return town ? town.latlng : null; },
      shownTowns: function () { return this._towns.filter(function (t) { return t.shown >= 0; }).length; },
      shownZones: function () { return this._zones ? this._zones.filter(function (z) { return z.shown >= 0; }).length : 0; },
      colour: function (index) {
        const force = this._payload.forces[index];
        return force ? safeColour(force.color) : "#999999";
      },

      _repaint: function (all) {
        this._paintTowns(all);
        this._paintZones(all);
        this._paintLabels();
      },

      // Towns start hidden (shown -1): the first date restyles every town it shows, and each later date only
      // the towns whose period changed.
      _paintTowns: function (all) {
        let changed = all;
        for (const town of this._towns) {
          const shown = rowOn(town.periods, this._day);
          if (shown !== town.shown || all) {
            town.shown = shown;
            this._restyleTown(town);
            changed = true;
          }
        }
        if (changed) this._townLayer.redraw();
      },

      // A town's look names everything its dot shows; towns that look alike share one sprite.
      _restyleTown: function (town) {
        if (town.shown < 0) {
          town.look = null;
          return;
        }
        const row = town.periods[town.shown];
        const look = row[2] + "," + row[3] + "," + row[4] + "," + row[5] + "," + (row[6] === 1 ? 1 : 0) + "," +
          (town.selected ? 1 : 0);
        if (!this._looks.has(look)) this._looks.set(look, this._townStyle(row, town.selected));
        town.look = look;
      },

      // Leaflet path options of a town's dot, from the payload's style table (ui/style.py town_look).
      _townStyle: function (row, selected) {
        const town = this._payload.style.town, contested = row[3] === 1, uncertain = row[5] === 1;
        return {
          front: selected ? 2 : (contested ? 1 : 0), // drawn above the plain towns
          radius: (contested ? town.radius_contested : town.radius) + (selected ? town.radius_selected_extra : 0),
          fillColor: this.colour(row[2]),
          fillOpacity: uncertain ? town.fill_opacity_uncertain : town.fill_opacity,
          color: contested && row[4] >= 0 ? this.colour(row[4]) : town.edge,
          weight: contested ? town.weight_contested : (selected ? town.weight_selected : town.weight),
          opacity: uncertain && !contested ? town.opacity_uncertain : town.opacity,
          dashArray: uncertain ? town.dash_uncertain : null,
          // An analyst checked a quote behind this colour (geo/review.py): a dark centre.
          mark: row[6] === 1 ? { radius: town.checked_radius, color: town.checked_color } : null,
        };
      },

      _paintZones: function (all) {
        let changed = false;
        const self = this;
        this._zones.forEach(function (zone, index) {
          const shown = rowOn(zone.spans, self._day);
          if (shown === zone.shown && !all) return;
          zone.shown = shown;
          const span = shown < 0 ? null : zone.spans[shown];
          zone.look = span ? span[2] + "," + span[3] + "," + span[4] : null;
          if (span && !self._zoneLooks.has(zone.look)) self._zoneLooks.set(zone.look, self._zoneStyle(span));
          self._zoneLayer.changed(index);
          changed = true;
        });
        if (changed) this._zoneLayer.redraw();
      },

      // Leaflet path options of a zone cell (ui/style.py zone_look).
      _zoneStyle: function (span) {
        const zone = this._payload.style.zone, fill = this.colour(span[2]);
        if (span[3] === 1) {
          return { front: 1, fillColor: fill, fillOpacity: zone.fill_opacity,
            color: span[4] >= 0 ? this.colour(span[4]) : zone.edge_contested, weight: zone.weight_contested,
            opacity: zone.opacity_contested, dashArray: zone.dash_contested };
        }
        return { front: 0, fillColor: fill, fillOpacity: zone.fill_opacity, color: fill, weight: zone.weight,
          opacity: zone.opacity, dashArray: null };
      },

      // Labels of the drawn towns in view, when zoomed in enough. Only the difference from the labels already
      // on the map is added or removed: each new label costs the browser a layout (Leaflet measures it), and
      // a date step rarely changes which towns are drawn (at 120 labels, redoing all took 0.2–0.3 s a step).
      _paintLabels: function () {
        const map = this._map;
        if (!map || !this._labels) return;
        if (!this._labelled) this._labelled = new Map();
        const wanted = new Set();
        if (map.getZoom() >= this._payload.style.label_min_zoom && map.hasLayer(this._townLayer)) {
          const view = map.getBounds();
          for (const town of this._towns) {
            if (town.shown < 0 || !view.contains(town.latlng)) continue;
            wanted.add(town.id);
            if (wanted.size >= MAX_LABELS) break;
          }
        }
        for (const [id, label] of this._labelled) {
          if (!wanted.has(id)) { this._labels.removeLayer(label); this._labelled.delete(id); }
        }
        for (const id of wanted) {
          if (this._labelled.has(id)) continue;
          const town = this._byId.get(id);
          const text = document.createElement("span");
          text.textContent = town.name;
          const label = L.tooltip({ permanent: true, direction: "right", offset: [8, 0], interactive: false,
            className: "town-label" }).setLatLng(town.latlng).setContent(text);
          this._labels.addLayer(label);
          this._labelled.set(id, label);
        }
      },
    });

    // A Leaflet control that shows something of one ControlLayer (the timeline, the legend, a town's history).
    const LayerControl = L.Control.extend({
      initialize: function (layer, options) {
        L.setOptions(this, options);
        this._layer = layer;
      },
    });

    // The ◀ slider ▶ bar: steps the layer in the browser. Its parts keep the ids the dashboard's tests and
    // benchmark address (#timeline, #previous, #day, #next, #day-label): one timeline per document.
    // options.lo/hi/changes (day numbers) default to the layer's own.
    const Timeline = LayerControl.extend({
      options: { position: "bottomleft" },

      onAdd: function () {
        const bar = L.DomUtil.create("div", "control-timeline");
        bar.id = "timeline";
        const previous = this._button(bar, "previous", "◀", "Previous change of control");
        const day = L.DomUtil.create("input", "", bar);
        day.type = "range"; day.id = "day"; day.step = "1"; day.setAttribute("aria-label", "Date on the map");
        const next = this._button(bar, "next", "▶", "Next change of control");
        const label = L.DomUtil.create("output", "", bar);
        label.id = "day-label"; label.htmlFor = "day";
        this._ui = { day: day, label: label, previous: previous, next: next };
        L.DomEvent.disableClickPropagation(bar);
        L.DomEvent.disableScrollPropagation(bar);
        const self = this;
        day.addEventListener("input", function () { self._layer.setDay(Number(day.value), "timeline"); });
        previous.addEventListener("click", function () { self.step(-1); });
        next.addEventListener("click", function () { self.step(1); });
        this._layer.on("daychange", this._sync, this);
        this.setSpan(this.options.lo, this.options.hi, this.options.changes);
        return bar;
      },

      onRemove: function () {
        this._layer.off("daychange", this._sync, this);
      },

      _button: function (bar, id, text, title) {
        const button = L.DomUtil.create("button", "", bar);
        button.type = "button"; button.id = id; button.textContent = text;
        button.title = title; button.setAttribute("aria-label", title);
        return button;
      },

      // The span of days it covers (the layer's own first and last change when not given) and the days ◀ ▶
      // stop at (the layer's change days when not given), those outside the span left out.
      setSpan: function (lo, hi, changes) {
        const own = this._layer.span();
        const low = this._lo = lo === undefined || lo === null ? own[0] : lo;
        const high = this._hi = hi === undefined || hi === null ? own[1] : hi;
        this._changes = (changes || this._layer.changes()).filter(function (d) { return low <= d && d <= high; })
          .sort(function (a, b) { return a - b; });
        if (this._ui) { this._ui.day.min = String(this._lo); this._ui.day.max = String(this._hi); this._sync(); }
        return this;
      },

      clamp: function (day) { return Math.min(Math.max(day, this._lo), this._hi); },

      step: function (direction) {
        const day = this._layer.day();
        const candidates = this._changes.filter(function (d) { return direction < 0 ? d < day : d > day; });
        if (!candidates.length) return;
        this._layer.setDay(direction < 0 ? candidates[candidates.length - 1] : candidates[0], "timeline");
      },

      _sync: function () {
        const day = this._layer.day();
        if (!this._ui || day === null) return;
        this._ui.day.value = String(day);
        this._ui.label.textContent = iso(day);
        this._ui.previous.disabled = !this._changes.some(function (d) { return d < day; });
        this._ui.next.disabled = !this._changes.some(function (d) { return d > day; });
      },
    });

    // Top right: the timeline has the bottom, and a narrow map must not lay one over the other.
    const Legend = LayerControl.extend({
      options: { position: "topright" },

      onAdd: function () {
        const payload = this._layer.payload(), layer = this._layer;
        const used = new Set();
        for (const periods of payload.towns.periods) for (const p of periods) { used.add(p[2]); if (p[4] >= 0) used.add(p[4]); }
        const box = L.DomUtil.create("div", "map-legend");
        function row(swatchStyle, text) {
          const line = document.createElement("div");
          const swatch = document.createElement("span");
          swatch.className = "sw";
          for (const name of Object.keys(swatchStyle)) swatch.style.setProperty(name, String(swatchStyle[name]));
          line.appendChild(swatch);
          line.appendChild(document.createTextNode(text));
          box.appendChild(line);
        }
        payload.forces.forEach(function (force, index) {
          if (used.has(index) || force.code === "UNKNOWN") row({ background: layer.colour(index) }, force.name);
        });
        for (const [swatch, text] of payload.style.legend) row(swatch, text);
        return box;
      },
    });

    return { ControlLayer: ControlLayer, LayerControl: LayerControl, Timeline: Timeline, Legend: Legend };
  }

  // The classes for this Leaflet (defined once); also as L.controlLayer, L.control.controlTimeline and
  // L.control.controlLegend, the names folium's templates use.
  parts.controlKit = function (L) {
    if (kit) return kit;
    kit = define(L);
    L.ControlLayer = kit.ControlLayer;
    L.controlLayer = function (payload, options) { return new kit.ControlLayer(payload, options); };
    L.control.controlTimeline = function (layer, options) { return new kit.Timeline(layer, options); };
    L.control.controlLegend = function (layer, options) { return new kit.Legend(layer, options); };
    return kit;
  };
  parts.iso = iso;
  parts.covers = covers;
  parts.rowOn = rowOn;
  parts.changeDays = changeDays;

  if (window.L) parts.controlKit(window.L); // a page that loaded Leaflet first (the HTML export)
})((window.ControlMapParts = window.ControlMapParts || {}));
