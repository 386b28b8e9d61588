// Fetching the published layer for the live map (control_link.js), started as early as the page allows.
// streamlit-folium loads the map's links one at a time (Leaflet, then the plugin's script) and only then runs
// the map's script: this file is its first link, and when its address carries the layer's (`?layer=`) the
// download and unpacking begin at once, while the rest loads.
"use strict";

(function (parts) {
  // Layers are fetched only from this origin's published folder (ui/publish.py LAYERS_URL).
  const LAYERS_PATH = "/app/static/layers/";

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

  // The layer's gzipped copy, unpacked here (Streamlit's server would gzip the plain file anew for every
  // reader); the plain file where the browser cannot unpack gzip, or the packed copy fails.
  function download(url) {
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

  const early = {};
  // The layer at `requested`: the download begun early if it is that one, else a new one.
  parts.fetchLayer = function (requested) {
    const url = layerUrl(requested);
    if (url === null) return Promise.reject(new Error("the map's layer address is not one this dashboard publishes"));
    const promise = early[url] || download(url);
    delete early[url];
    return promise;
  };

  // A link that fails to load (Leaflet from a CDN the network blocks, a script the server lost) stops
  // streamlit-folium before it makes the map, and nothing else would say so or tell the page that the map
  // is done: the page would wait for it with its controls held back. Said here, as text, and reported as
  // the map's "ready" through the global streamlit-folium's frame keeps (control_link.js reports the same
  // way, through a layer's click, once a map exists).
  let failed = false;
  window.addEventListener("error", function (event) {
    const element = event.target;
    if (failed || !element || element.tagName !== "SCRIPT") return;
    failed = true;
    const box = document.createElement("div");
    box.className = "map-problem";
    box.setAttribute("role", "alert");
    box.textContent = "The map could not load " + element.src + ". Reload the page to try again.";
    document.body.insertBefore(box, document.body.firstChild);
    const ready = { type: "Feature", geometry: null, properties: { kind: "ready", n: 1 } };
    if (window.Streamlit) window.Streamlit.setComponentValue({ last_active_drawing: ready });
  }, true);

  const self = document.currentScript;
  const params = self && self.src ? new URL(self.src).searchParams : new URLSearchParams();

  // The map's other links (Leaflet, the plugin's script, the stylesheets), fetched now and side by side:
  // streamlit-folium then asks for them one after another and finds them in the browser's cache. Only this
  // server's own static files; a CDN's Leaflet is left to streamlit-folium (and its integrity check).
  params.getAll("preload").forEach(function (address) {
    let parsed;
    try {
      parsed = new URL(address, window.location.href);
    } catch (error) {
      return;
    }
    if (parsed.origin !== window.location.origin || !parsed.pathname.startsWith("/app/static/")) return;
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = parsed.pathname.endsWith(".css") ? "style" : "script";
    link.href = parsed.href;
    document.head.appendChild(link);
  });

  const wanted = layerUrl(params.get("layer"));
  if (wanted !== null) {
    early[wanted] = download(wanted);
    early[wanted].catch(function () {}); // reported when the map asks for it
  }
})((window.ControlMapParts = window.ControlMapParts || {}));
