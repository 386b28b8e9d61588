// The first link of the live map (static/folium_control/layer_fetch.js): which of the map's other links it
// fetches ahead, from the addresses in its own URL. Only this server's static files, each as what it is.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const FILE = path.join(__dirname, "../../static/folium_control/layer_fetch.js");

function load(query) {
  const appended = [];
  global.window = { location: { href: "http://127.0.0.1:8501/", origin: "http://127.0.0.1:8501" },
    addEventListener() {} };
  global.document = {
    currentScript: { src: "http://127.0.0.1:8501/app/static/folium_control/layer_fetch.js?v=1&" + query },
    head: { appendChild(element) { appended.push(element); } },
    createElement() { return {}; },
  };
  global.fetch = () => Promise.reject(new Error("no network here"));
  delete require.cache[require.resolve(FILE)];
  require(FILE);
  return appended.map((link) => [link.rel, link.as, link.href]);
}

test("the plugin's script and the stylesheets on this server are fetched ahead, each as what it is", () => {
  const links = load("preload=/app/static/layers/feed.js&preload=/app/static/vendor/leaflet/dist/leaflet.css");
  assert.deepEqual(links, [
    ["preload", "script", "http://127.0.0.1:8501/app/static/layers/feed.js"],
    ["preload", "style", "http://127.0.0.1:8501/app/static/vendor/leaflet/dist/leaflet.css"],
  ]);
});

test("addresses of another site, or outside the static folder, are never fetched", () => {
  const links = load([
    "preload=https://evil.example/app/static/x.js",
    "preload=//evil.example/app/static/x.js",
    "preload=/_stcore/health",
    "preload=javascript:alert(1)",
    "preload=http://%zz",
  ].join("&"));
  assert.deepEqual(links, []);
});
