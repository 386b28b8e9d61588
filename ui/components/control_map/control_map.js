// The control map's Streamlit component: fetches the layer once (a static JSON file, gzipped, see
// ui/map_payload.py), builds the map of control_layer.js's pieces (which repaint on each date only the
// towns and zone cells whose state changed), and reports the reader's date and clicks. It speaks
// Streamlit's component protocol (postMessage) directly, so it needs no build step and no npm package at
// run time.
//
// Nothing from an article is rendered as HTML: names reach the page through textContent, colours are
// checked to be hex colours, and the payload carries no quotes at all.
"use strict";

(function (parts) {
  // When each stage of the first paint finished (ms since the page's navigation): read by bench/browser.py.
  const timing = (window.controlMapTiming = { script: performance.now() });
  // The map reports its date only once the reader has stopped stepping for this long. Its own steps repaint
  // at once; a report costs a rerun of the page (its server, and the React work of every element in this
  // tab), which readers stepping without pause would otherwise ask for on every step (bench/load.py).
  const SETTLE_MS = 700;
  const ACK_TIMEOUT_MS = 5000; // a report whose rerun never reached the map (the page failed): send the next
  const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  // The only places Leaflet is loaded from: this server's copy (static/vendor, scripts/vendor.sh) or
  // jsDelivr, either way one release pinned by its Subresource Integrity hashes (ui/style.py LEAFLET_VERSION;
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
    problem: document.getElementById("problem"),
  };

  const state = {
    leaflet: null, // Promise of Leaflet being loaded
    layerUrl: null,
    payload: null,
    map: null,
    layer: null, // the ControlLayer (control_layer.js)
    timeline: null,
    revision: null,
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
  function markPainted(day) {
    const text = parts.iso(day);
    document.body.dataset.day = text;
    // Leaflet redraws its canvas in the next animation frame; this one runs after it.
    window.requestAnimationFrame(function () {
      document.body.dataset.painted = text;
      timing.painted = timing.painted || performance.now();
    });
  }

  function onDayChange(event) {
    markPainted(event.day);
    if (event.by === "timeline") {
      // With the revision it stepped from: a date set from outside since then wins on the server.
      window.clearTimeout(state.settleTimer);
      state.settleTimer = window.setTimeout(function () {
        report({ kind: "date", date: parts.iso(state.layer.day()), revision: state.revision });
      }, SETTLE_MS);
    }
  }

  function buildMap(payload, args) {
    const kit = parts.controlKit(L);
    const map = L.map(ui.map, { zoomControl: true, preferCanvas: true });
    state.map = map;
    if (args.tiles !== "none") {
      L.tileLayer(OSM_TILES, { maxZoom: 18, attribution: OSM_ATTRIBUTION }).addTo(map);
    }
    L.control.scale().addTo(map);
    const layer = new kit.ControlLayer(payload, {
      onTownClick: function (town) { report({ kind: "click", place_id: town.id }); },
    });
    state.layer = layer;
    layer.on("daychange", onDayChange);
    layer.addTo(map);
    state.timeline = new kit.Timeline(layer, { lo: args.lo, hi: args.hi }).addTo(map);
    new kit.Legend(layer).addTo(map);
    if (payload.bounds) {
      const pad = 0.3;
      const b = payload.bounds;
      map.fitBounds([[b[0][0] - pad, b[0][1] - pad], [b[1][0] + pad, b[1][1] + pad]]);
    } else {
      map.setView([35.0, 40.0], 6);
    }
    window.controlMap = {
      map: map,
      day: function () { return parts.iso(layer.day()); },
      town: function (id) { return layer.town(id); },
      shownTowns: function () { return layer.shownTowns(); },
      shownZones: function () { return layer.shownZones(); },
      townLatLng: function (id) { return layer.townLatLng(id); },
    };
  }

  function setSelected(id) {
    if (id === state.layer.selected()) return;
    state.layer.setSelected(id);
    markPainted(state.layer.day());
  }

  function setFocus(focus) {
    const key = focus ? focus.join(",") : null;
    if (key === state.focusKey) return;
    state.focusKey = key;
    if (focus) state.map.setView(focus, Math.max(state.map.getZoom(), 8));
  }

  function applyArgs(args) {
    state.timeline.setSpan(args.lo, args.hi);
    state.layer.showTowns(args.show_towns !== false);
    state.layer.showZones(args.show_zones !== false);
    setSelected(args.selected || null);
    setFocus(args.focus || null);
    if (args.revision !== state.revision || state.layer.day() === null) {
      // Set from outside the map (sidebar, link, play): jump there. Otherwise the map already shows the
      // date it reported, or a later one the reader has stepped to since.
      state.revision = args.revision;
      state.outbox = state.outbox.filter(function (waiting) { return waiting.kind !== "date"; });
      window.clearTimeout(state.settleTimer);
      state.layer.setDay(state.timeline.clamp(args.day), "host");
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

  window.addEventListener("resize", function () { if (state.map) state.map.invalidateSize(); });

  send("streamlit:componentReady", { apiVersion: 1 });
})(window.ControlMapParts); // control_layer.js and what it draws with
