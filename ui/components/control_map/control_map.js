// The control map in the browser: fetches the layer once (a static JSON file, gzipped, see
// ui/map_payload.py), then repaints on each date by restyling only the towns and zone cells whose state
// changed. It speaks Streamlit's component protocol (postMessage) directly, so it needs no build step
// and no npm package at run time.
//
// Nothing from an article is rendered as HTML: names reach the page through textContent, colours are
// checked to be hex colours, and the payload carries no quotes at all.
"use strict";

(function (parts) {
  // When each stage of the first paint finished (ms since the page's navigation): read by bench/browser.py.
  const timing = (window.controlMapTiming = { script: performance.now() });
  const DAY_MS = 86400000;
  const TOWN_RADIUS = 7;
  const LABEL_MIN_ZOOM = 7;
  const MAX_LABELS = 400; // permanent labels are DOM nodes: only the towns in view, and not too many
  // The map reports its date only once the reader has stopped stepping for this long. Its own steps repaint
  // at once; a report costs a rerun of the page (its server, and the React work of every element in this
  // tab), which readers stepping without pause would otherwise ask for on every step (bench/load.py).
  const SETTLE_MS = 700;
  const ACK_TIMEOUT_MS = 5000; // a report whose rerun never reached the map (the page failed): send the next
  const ZONE_FILL_OPACITY = 0.3;
  const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  // The only places Leaflet is loaded from: this server's copy (static/vendor, scripts/vendor.sh) or
  // jsDelivr, either way one release pinned by its Subresource Integrity hashes (ui/map.py LEAFLET_VERSION;
  // tests/test_map.py checks them against the vendored files). The render arguments only choose which.
  const LEAFLET_SOURCES = {
    local: "/app/static/vendor/leaflet/dist/",
    cdn: "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/",
  };
  const LEAFLET_INTEGRITY = {
    js: "sha384-okbbMvvx/qfQkmiQKfd5VifbKZ/W8p1qIsWvE1ROPUfHWsDcC8/BnHohF7vPg2T6",
    css: "sha384-o/2yZuJZWGJ4s/adjxVW71R+EO/LyCwdQfP5UWSgX/w87iiTXuvDZaejd3TsN7mf",
  };
  // Layers are fetched only from this origin's published folder (ui/control_map.py LAYERS_URL).
  const LAYERS_PATH = "/app/static/layers/";
  const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

  const ui = {
    map: document.getElementById("map"),
    timeline: document.getElementById("timeline"),
    day: document.getElementById("day"),
    label: document.getElementById("day-label"),
    previous: document.getElementById("previous"),
    next: document.getElementById("next"),
    problem: document.getElementById("problem"),
  };

  const state = {
    leaflet: null, // Promise of Leaflet being loaded
    layerUrl: null,
    payload: null,
    map: null,
    towns: [], // per town: {id, name, latlng, periods, shown (period index or -1), selected, look}
    looks: new Map(), // look (a town's drawn state as a key) → its style, for town_dots.js
    zones: [], // per zone cell: {spans, rings, box, shown (span index or -1), look}
    zoneLooks: new Map(), // a zone cell's look → its style, for zone_cells.js
    townLayer: null,
    zoneLayer: null,
    labelGroup: null,
    day: null,
    lo: 0,
    hi: 0,
    changes: [],
    revision: null,
    selected: null,
    focusKey: null,
    sent: 0, // events sent so far; each carries its number `n`
    awaiting: null, // the number of the event whose rerun has not reached the map yet
    awaitingSince: 0,
    outbox: [], // events waiting for it; a newer date replaces a waiting one
    retryTimer: null,
    settleTimer: null,
    pendingArgs: null,
    payloadPromise: null,
  };

  // --- Streamlit's component protocol -----------------------------------------------------------------
  // The Streamlit page that frames this map is served by the same server, so it has this frame's origin.
  function send(type, fields) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, fields), window.location.origin);
  }

  function setFrameHeight() {
    send("streamlit:setFrameHeight", { height: document.body.scrollHeight });
  }

  // Events reach the server one at a time: the next is sent only once Streamlit has rendered this map with
  // the previous one's number (`args.ack`, see ui/control_map.py), i.e. that event's rerun has come this far.
  // A tab then asks the server for one rerun at a time, never a queue of them (each of which Streamlit would
  // start and then abandon for the next); a newer date replaces one still waiting.
  function report(value) {
    const isDate = function (event) { return event.kind === "date"; };
    if (isDate(value)) state.outbox = state.outbox.filter(function (waiting) { return !isDate(waiting); });
    state.outbox.push(value);
    flush();
  }

  function flush() {
    window.clearTimeout(state.retryTimer);
    if (!state.outbox.length) return;
    const waited = performance.now() - state.awaitingSince;
    if (state.awaiting !== null && waited < ACK_TIMEOUT_MS) {
      state.retryTimer = window.setTimeout(flush, ACK_TIMEOUT_MS - waited);
      return;
    }
    state.sent += 1;
    state.awaiting = state.sent;
    state.awaitingSince = performance.now();
    send("streamlit:setComponentValue", { value: Object.assign({ n: state.sent }, state.outbox.shift()), dataType: "json" });
  }

  function acknowledge(ack) {
    if (state.awaiting !== null && typeof ack === "number" && ack >= state.awaiting) {
      state.awaiting = null;
      flush();
    }
  }

  // Only the page that framed this map may drive it. Any other window holding a handle to this frame (a
  // site that opened the dashboard, another frame) could otherwise send it render arguments.
  function fromStreamlit(event) {
    return event.source === window.parent && window.parent !== window && event.origin === window.location.origin;
  }

  window.addEventListener("message", function (event) {
    if (!fromStreamlit(event)) return;
    const data = event.data;
    if (data && data.type === "streamlit:render") {
      onRender(data.args || {});
    }
  });

  // --- helpers ------------------------------------------------------------------------------------------
  function iso(dayNumber) {
    return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
  }

  function safeColour(value) {
    return /^#[0-9a-fA-F]{3,8}$/.test(String(value)) ? String(value) : "#999999";
  }

  function colour(index) {
    const force = state.payload.forces[index];
    return force ? safeColour(force.color) : "#999999";
  }

  function covers(from, to, day) {
    return (from === null || from <= day) && (to === null || day < to);
  }

  function showProblem(message) {
    ui.problem.textContent = message;
    ui.problem.hidden = false;
    setFrameHeight();
  }

  // The layer's gzipped copy, unpacked here (Streamlit's server would gzip the plain file anew for every
  // reader); the plain file where the browser cannot unpack gzip, or the packed copy fails.
  function layerUrl(url) {
    let parsed;
    try {
      parsed = new URL(String(url), window.location.href);
    } catch (error) {
      return null;
    }
    const allowed = parsed.origin === window.location.origin && parsed.pathname.startsWith(LAYERS_PATH) &&
      parsed.pathname.endsWith(".json") && !parsed.search && !parsed.hash;
    return allowed ? parsed.href : null;
  }

  function fetchLayer(requested) {
    const url = layerUrl(requested);
    if (url === null) return Promise.reject(new Error("the map's layer address is not one this dashboard publishes"));
    function plain() {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("the map's layer could not be fetched (HTTP " + response.status + ")");
        return response.json();
      });
    }
    if (typeof DecompressionStream !== "function") return plain();
    return fetch(url + ".gz", { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).json();
    }).catch(plain);
  }

  function loadLeaflet(source) {
    if (window.L) return Promise.resolve(window.L);
    const base = LEAFLET_SOURCES[source === "cdn" ? "cdn" : "local"];
    return new Promise(function (resolve, reject) {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = base + "leaflet.css";
      css.integrity = LEAFLET_INTEGRITY.css;
      css.crossOrigin = "anonymous";
      document.head.appendChild(css);
      const script = document.createElement("script");
      script.src = base + "leaflet.js";
      script.integrity = LEAFLET_INTEGRITY.js;
      script.crossOrigin = "anonymous";
      script.onload = function () { resolve(window.L); };
      script.onerror = function () { reject(new Error("Leaflet could not be loaded from " + script.src)); };
      document.head.appendChild(script);
    });
  }

  // --- drawing ------------------------------------------------------------------------------------------
  function townStyle(row, selected) {
    const contested = row[3] === 1;
    const uncertain = row[5] === 1;
    return {
      front: selected ? 2 : (contested ? 1 : 0), // drawn above the plain towns
      radius: TOWN_RADIUS + (contested ? 2 : 0) + (selected ? 3 : 0),
      fillColor: colour(row[2]),
      fillOpacity: uncertain ? 0.45 : 0.9,
      color: contested ? (row[4] >= 0 ? colour(row[4]) : "#222222") : "#222222",
      weight: contested ? 4 : (selected ? 2.5 : 1.2),
      opacity: uncertain && !contested ? 0.6 : 1.0,
      dashArray: uncertain ? [3, 3] : null,
    };
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

  // A town's look names everything its dot shows; towns that look alike share one sprite.
  function restyleTown(town) {
    if (town.shown < 0) {
      town.look = null;
      return;
    }
    const row = town.periods[town.shown];
    const look = row[2] + "," + row[3] + "," + row[4] + "," + row[5] + "," + (town.selected ? 1 : 0);
    if (!state.looks.has(look)) state.looks.set(look, townStyle(row, town.selected));
    town.look = look;
  }

  // Towns start hidden (shown -1): the first date restyles every town it shows, and each later date only
  // the towns whose period changed.
  function paintTowns() {
    let changed = false;
    for (const town of state.towns) {
      const shown = rowOn(town.periods, state.day);
      if (shown !== town.shown) {
        town.shown = shown;
        restyleTown(town);
        changed = true;
      }
    }
    if (changed) state.townLayer.redraw();
  }

  function paintZones() {
    let changed = false;
    state.zones.forEach(function (zone, index) {
      const shown = rowOn(zone.spans, state.day);
      if (shown === zone.shown) return;
      zone.shown = shown;
      const span = shown < 0 ? null : zone.spans[shown];
      zone.look = span ? span[2] + "," + span[3] + "," + span[4] : null;
      if (span && !state.zoneLooks.has(zone.look)) state.zoneLooks.set(zone.look, zoneStyle(span));
      state.zoneLayer.changed(index);
      changed = true;
    });
    if (changed) state.zoneLayer.redraw();
  }

  function paintLabels() {
    const map = state.map;
    state.labelGroup.clearLayers();
    if (!map || map.getZoom() < LABEL_MIN_ZOOM || !map.hasLayer(state.townLayer)) return;
    const view = map.getBounds();
    let count = 0;
    for (const town of state.towns) {
      if (town.shown < 0 || !view.contains(town.latlng)) continue;
      const text = document.createElement("span");
      text.textContent = town.name;
      state.labelGroup.addLayer(L.tooltip({ permanent: true, direction: "right", offset: [8, 0], interactive: false,
        className: "town-label" }).setLatLng(town.latlng).setContent(text));
      if (++count >= MAX_LABELS) break;
    }
  }

  function markPainted() {
    const day = iso(state.day);
    // Leaflet redraws its canvas in the next animation frame; this one runs after it.
    window.requestAnimationFrame(function () {
      document.body.dataset.painted = day;
      timing.painted = timing.painted || performance.now();
    });
  }

  function setDay(day, fromTimeline) {
    day = Math.min(Math.max(day, state.lo), state.hi);
    const changed = day !== state.day;
    state.day = day;
    syncControls();
    if (!state.payload) return;
    if (changed || !fromTimeline) {
      paintTowns();
      paintZones();
      paintLabels();
    }
    markPainted();
    if (fromTimeline) {
      // With the revision it stepped from: a date set from outside since then wins on the server.
      window.clearTimeout(state.settleTimer);
      state.settleTimer = window.setTimeout(function () {
        report({ kind: "date", date: iso(state.day), revision: state.revision });
      }, SETTLE_MS);
    }
  }

  function syncControls() {
    const day = state.day;
    ui.day.value = String(day);
    ui.label.textContent = iso(day);
    document.body.dataset.day = iso(day);
    ui.previous.disabled = !state.changes.some(function (d) { return d < day; });
    ui.next.disabled = !state.changes.some(function (d) { return d > day; });
  }

  function step(direction) {
    const candidates = state.changes.filter(function (d) { return direction < 0 ? d < state.day : d > state.day; });
    if (!candidates.length) return;
    setDay(direction < 0 ? candidates[candidates.length - 1] : candidates[0], true);
  }

  function addLegend(map, payload) {
    const used = new Set();
    for (const periods of payload.towns.periods) for (const p of periods) { used.add(p[2]); if (p[4] >= 0) used.add(p[4]); }
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      const box = L.DomUtil.create("div", "map-legend");
      function row(swatchStyle, text) {
        const line = document.createElement("div");
        const swatch = document.createElement("span");
        swatch.className = "sw";
        Object.assign(swatch.style, swatchStyle);
        line.appendChild(swatch);
        line.appendChild(document.createTextNode(text));
        box.appendChild(line);
      }
      payload.forces.forEach(function (force, index) {
        if (used.has(index) || force.code === "UNKNOWN") row({ background: safeColour(force.color) }, force.name);
      });
      row({ background: "#fff", border: "3px solid #555" }, "contested (ring: contesting force)");
      row({ background: "#999", opacity: ".45", borderStyle: "dashed" }, "uncertain start or date");
      row({ borderRadius: "0", background: "rgba(153,153,153,.3)", border: "2px dashed #555" },
        "zone (estimate); dashed edge: contested");
      return box;
    };
    legend.addTo(map);
  }

  function zoneStyle(span) {
    const fill = colour(span[2]);
    if (span[3] === 1) {
      return { front: 1, fillColor: fill, fillOpacity: ZONE_FILL_OPACITY,
        color: span[4] >= 0 ? colour(span[4]) : "#222222", weight: 2.5, opacity: 0.9, dashArray: [6, 4] };
    }
    // The cell's edge in its own fill colour: neighbouring cells of one force read as one zone.
    return { front: 0, fillColor: fill, fillOpacity: ZONE_FILL_OPACITY, color: fill, weight: 0.8, opacity: 0.5,
      dashArray: null };
  }

  function buildMap(payload, args) {
    const map = L.map(ui.map, { zoomControl: true, preferCanvas: true });
    state.map = map;
    map.createPane("borders").style.zIndex = 350;
    map.createPane("zones").style.zIndex = 390;
    map.getPane("borders").style.pointerEvents = "none";
    map.getPane("zones").style.pointerEvents = "none";
    if (args.tiles !== "none") {
      L.tileLayer(OSM_TILES, { maxZoom: 18, attribution: OSM_ATTRIBUTION }).addTo(map);
    }
    L.control.scale().addTo(map);
    if (payload.borders) {
      L.geoJSON(payload.borders, { pane: "borders", interactive: false, renderer: L.canvas({ pane: "borders" }),
        style: function () { return { color: "#6b6b6b", weight: 1.2, fillColor: "#f5f3ee", fillOpacity: 0.35 }; } })
        .addTo(map);
    }
    const crs = map.options.crs, scale = payload.coordinate_scale;
    state.zoneLooks = new Map();
    state.zones = payload.zones.map(function (cell) {
      const shape = parts.unpackCell(crs, cell.polygons, scale);
      return { spans: cell.spans, rings: shape.rings, box: shape.box, shown: -1, look: null };
    });
    state.zoneLayer = parts.zoneCells(L, state.zones, state.zoneLooks, { pane: "zones" });
    state.labelGroup = L.layerGroup().addTo(map);
    state.looks = new Map();
    const towns = payload.towns;
    state.towns = towns.id.map(function (id, i) {
      return { id: id, name: towns.name[i], latlng: L.latLng(towns.lat[i] / scale, towns.lon[i] / scale),
        periods: towns.periods[i], shown: -1, selected: false, look: null };
    });
    state.townLayer = parts.townDots(L, state.towns, state.looks, function (index) {
      report({ kind: "click", place_id: state.towns[index].id });
    }, { pane: "overlayPane" });
    addLegend(map, payload);
    if (payload.bounds) {
      const pad = 0.3;
      const b = payload.bounds;
      map.fitBounds([[b[0][0] - pad, b[0][1] - pad], [b[1][0] + pad, b[1][1] + pad]]);
    } else {
      map.setView([35.0, 40.0], 6);
    }
    map.on("zoomend moveend", paintLabels);
    window.controlMap = {
      map: map,
      day: function () { return iso(state.day); },
      town: function (id) {
        const town = state.towns.find(function (t) { return t.id === id; });
        if (!town || town.shown < 0) return null;
        const row = town.periods[town.shown];
        return { force: payload.forces[row[2]].code, status: row[3] === 1 ? "contested" : "held",
          contested_by: row[4] >= 0 ? payload.forces[row[4]].code : null, uncertain: row[5] === 1,
          selected: town.selected };
      },
      shownTowns: function () { return state.towns.filter(function (t) { return t.shown >= 0; }).length; },
      shownZones: function () { return state.zones.filter(function (z) { return z.shown >= 0; }).length; },
      townLatLng: function (id) {
        const town = state.towns.find(function (t) { return t.id === id; });
        return town ? town.latlng : null;
      },
    };
  }

  function setToggles(args) {
    const map = state.map;
    const wantTowns = args.show_towns !== false;
    const wantZones = args.show_zones !== false;
    if (wantTowns !== map.hasLayer(state.townLayer)) {
      if (wantTowns) state.townLayer.addTo(map); else map.removeLayer(state.townLayer);
      paintLabels();
    }
    if (wantZones !== map.hasLayer(state.zoneLayer)) {
      if (wantZones) state.zoneLayer.addTo(map); else map.removeLayer(state.zoneLayer);
    }
  }

  function setSelected(id) {
    if (id === state.selected) return;
    state.selected = id;
    for (const town of state.towns) {
      const selected = town.id === id;
      if (selected !== town.selected) {
        town.selected = selected;
        if (town.shown >= 0) restyleTown(town);
      }
    }
    state.townLayer.redraw();
    markPainted();
  }

  function setFocus(focus) {
    const key = focus ? focus.join(",") : null;
    if (key === state.focusKey) return;
    state.focusKey = key;
    if (focus) state.map.setView(focus, Math.max(state.map.getZoom(), 8));
  }

  function applyArgs(args) {
    state.lo = args.lo;
    state.hi = args.hi;
    state.changes = (args.changes || []).slice().sort(function (a, b) { return a - b; });
    ui.day.min = String(args.lo);
    ui.day.max = String(args.hi);
    setToggles(args);
    setSelected(args.selected || null);
    setFocus(args.focus || null);
    if (args.revision !== state.revision || state.day === null) {
      // Set from outside the map (sidebar, link, play): jump there. Otherwise the map already shows the
      // date it reported, or a later one the reader has stepped to since.
      state.revision = args.revision;
      state.outbox = state.outbox.filter(function (waiting) { return waiting.kind !== "date"; });
      window.clearTimeout(state.settleTimer);
      setDay(args.day, false);
    } else {
      syncControls();
    }
  }

  // The page holds back its below-the-fold parts (the area chart) until the map has painted: they load
  // a large chart library on the same main thread, and the map is what the reader came for.
  function announceReady() {
    if (!state.pendingArgs || !state.pendingArgs.report_ready) return;
    window.requestAnimationFrame(function () { window.setTimeout(function () { report({ kind: "ready" }); }, 0); });
  }

  function onRender(args) {
    acknowledge(args.ack);
    ui.map.style.height = (args.height || 620) + "px";
    ui.timeline.hidden = false;
    setFrameHeight();
    if (!state.leaflet) {
      state.leaflet = loadLeaflet(args.leaflet);
    }
    state.pendingArgs = args;
    if (args.layer_url !== state.layerUrl) {
      // Fetched while Leaflet loads: the two are independent.
      state.layerUrl = args.layer_url;
      state.payloadPromise = fetchLayer(args.layer_url);
      const promise = state.payloadPromise;
      Promise.all([state.leaflet, promise]).then(function (results) {
        if (promise !== state.payloadPromise) return; // a newer layer arrived meanwhile
        timing.leaflet = timing.leaflet || performance.now();
        timing.payload = timing.payload || performance.now();
        if (state.map) { state.map.remove(); state.map = null; }
        state.payload = results[1];
        state.day = null;
        state.selected = null;
        state.focusKey = null;
        buildMap(state.payload, state.pendingArgs);
        applyArgs(state.pendingArgs);
        document.body.dataset.ready = "1";
        timing.built = timing.built || performance.now();
        announceReady();
      }).catch(function (error) {
        state.layerUrl = null;
        showProblem(String(error && error.message ? error.message : error));
        announceReady(); // the rest of the page must not wait for a map that cannot come
      });
    } else if (state.payload) {
      applyArgs(args);
    }
  }

  ui.day.addEventListener("input", function () { setDay(Number(ui.day.value), true); });
  ui.previous.addEventListener("click", function () { step(-1); });
  ui.next.addEventListener("click", function () { step(1); });
  window.addEventListener("resize", function () { if (state.map) state.map.invalidateSize(); });

  send("streamlit:componentReady", { apiVersion: 1 });
})(window.ControlMapParts); // zone_cells.js, town_dots.js
