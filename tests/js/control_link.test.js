// The live map's link to the Streamlit page (static/folium_control/control_link.js): how it reports what the
// reader did (one report at a time, each with its number) and follows what the page asks, without a browser.
// Leaflet is replaced by the little of it these classes use: classes with `extend`, and events.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

global.window = { setTimeout, clearTimeout, requestAnimationFrame: (f) => setTimeout(f, 0), addEventListener() {},
  location: { href: "http://127.0.0.1:8501/", origin: "http://127.0.0.1:8501" } };
global.document = { body: { dataset: {} } };

function makeClass(base, proto) {
  function Class(...args) {
    if (this.initialize) this.initialize(...args);
  }
  Class.prototype = Object.create(base ? base.prototype : Object.prototype);
  Object.assign(Class.prototype, proto);
  Class.extend = (more) => makeClass(Class, more);
  return Class;
}
const Evented = makeClass(null, {
  on(type, fn, context) { (this._handlers ||= []).push([type, fn, context]); return this; },
  off() { return this; },
  fire(type, data) {
    for (const [t, fn, context] of this._handlers || []) if (t === type) fn.call(context || this, Object.assign({ type }, data));
    return this;
  },
});
const L = {
  Layer: Evented.extend({ remove() { return this; } }),
  Control: makeClass(null, { addTo() { return this; }, remove() { return this; } }),
  control: {},
  setOptions(obj, options) { obj.options = Object.assign(Object.create(obj.options || {}), options); return obj.options; },
};

const dir = path.join(__dirname, "../../static/folium_control");
for (const file of ["canvas_sheet.js", "zone_cells.js", "control_layer.js", "layer_fetch.js", "control_link.js"]) {
  require(path.join(dir, file));
}
const ControlLink = global.window.ControlMapParts.controlLink(L);

// A link whose layer is drawn (a stand-in that remembers its day and selection), and the reports it sends.
function drawnLink() {
  const link = new ControlLink("/app/static/layers/x.json", { lo: 100, hi: 200 });
  let day = null, selected = null;
  link._layer = {
    day: () => day, setDay: (d) => { day = d; }, selected: () => selected, setSelected: (id) => { selected = id; },
    showTowns() {}, showZones() {},
  };
  link._timeline = { setSpan() {}, clamp: (d) => Math.min(Math.max(d, 100), 200) };
  link._map = { getZoom: () => 6, setView() {} };
  const sent = [];
  link.on("click", (event) => sent.push(event.layer.toGeoJSON().properties));
  return { link, sent, day: () => day };
}

test("reports go one at a time: the next only once the page has followed with the last one's number", () => {
  const { link, sent } = drawnLink();
  link._report({ kind: "town", id: "raqqa" });
  link._report({ kind: "town", id: "mosul" });
  assert.deepEqual(sent, [{ n: 1, kind: "town", id: "raqqa" }]);
  link.follow({ day: 150, revision: 1, ack: 1 });
  assert.deepEqual(sent[1], { n: 2, kind: "town", id: "mosul" });
});

test("two clicks on the same town are two reports", () => {
  const { link, sent } = drawnLink();
  link._report({ kind: "town", id: "raqqa" });
  link.follow({ day: 150, revision: 1, ack: 1 });
  link._report({ kind: "town", id: "raqqa" });
  assert.equal(sent.length, 2);
  assert.notEqual(sent[0].n, sent[1].n);
});

test("a date set by the page wins over a date report still waiting to be sent", () => {
  const { link, sent, day } = drawnLink();
  link.follow({ day: 150, revision: 1, ack: null });
  link._report({ kind: "town", id: "raqqa" }); // sent, awaiting its rerun
  link._report({ kind: "date", date: "1970-05-01", revision: 1 }); // waits behind it
  link.follow({ day: 180, revision: 2, ack: null }); // the sidebar moved meanwhile
  assert.equal(day(), 180);
  link.follow({ day: 180, revision: 2, ack: 1 });
  assert.deepEqual(sent.map((p) => p.kind), ["town"]);
});

test("the map's own steps are not pulled back by a rerun of the same revision", () => {
  const { link, day } = drawnLink();
  link.follow({ day: 150, revision: 1, ack: null });
  link._layer.setDay(160); // the reader stepped on the map
  link.follow({ day: 150, revision: 1, ack: null }); // a slower rerun, from before the step
  assert.equal(day(), 160);
});

test("a map mounted anew numbers its reports on from what the page last saw", () => {
  const { link, sent } = drawnLink();
  link.follow({ day: 150, revision: 1, ack: 7 });
  link._report({ kind: "town", id: "raqqa" });
  assert.equal(sent[0].n, 8);
});

test("a layer address outside the published folder is refused", async () => {
  await assert.rejects(global.window.ControlMapParts.fetchLayer("https://evil.example/x.json"), /not one this dashboard publishes/);
  await assert.rejects(global.window.ControlMapParts.fetchLayer("/app/static/layers/../secrets.json?x"), /not one/);
});

test("a rerun that comes late is waited for: a busy tab's next report does not go out 6 s on", () => {
  // Sent before the page has applied the last rerun, a report would carry the sidebar slider's value from
  // before it, which the server takes for a move of the reader's.
  const { link, sent } = drawnLink();
  link._report({ kind: "date", date: "1970-05-01", revision: 1 });
  link._report({ kind: "date", date: "1970-05-02", revision: 1 });
  link._awaitingSince -= 6000; // the first report's rerun has not reached the map for 6 s
  link._flush();
  assert.equal(sent.length, 1);
  link.follow({ day: 120, revision: 1, ack: 1 });
  assert.deepEqual(sent.map((p) => p.date), ["1970-05-01", "1970-05-02"]);
});

test("the reader's hand on the sidebar's slider drops the map's unreported steps: the page's next date wins", () => {
  const { link, sent, day } = drawnLink();
  link.follow({ day: 150, revision: 1, ack: null });
  link._report({ kind: "town", id: "raqqa" }); // sent, awaiting its rerun
  link._layer.setDay(152); // the reader stepped on the map...
  link._report({ kind: "date", date: "1970-06-02", revision: 1 }); // ...whose report waits behind the click
  link._sidebarTaken(); // then took the sidebar's slider
  assert.equal(day(), 150); // back to the page's date
  link.follow({ day: 151, revision: 1, ack: 1 }); // the slider's rerun: the page had that date already
  assert.equal(day(), 151);
  assert.deepEqual(sent.map((p) => p.kind), ["town"]);
  link._layer.setDay(153); // stepping on the map again: the page's reruns no longer pull it back
  link._onDayChange({ day: 153, by: "timeline" });
  link.follow({ day: 151, revision: 1, ack: 1 });
  assert.equal(day(), 153);
  window.clearTimeout(link._settleTimer);
});

test("a lone step is reported 700 ms on; a reader stepping on is followed once they pause, not after every day", () => {
  const { link } = drawnLink();
  assert.equal(link._settleDelay(10000), 700); // the first step
  assert.equal(link._settleDelay(10600), 1200); // a day every 0.6 s: wait for twice that
  assert.equal(link._settleDelay(11600), 2000); // a day a second: at most 2 s
  assert.equal(link._settleDelay(11633), 700); // a key held down: its repeats are no rhythm to wait for
  assert.equal(link._settleDelay(20000), 700); // after a pause, a lone step again
});

test("a tab whose last report was slow to come back waits longer before the next, up to 2 s", () => {
  const { link } = drawnLink();
  link._report({ kind: "town", id: "raqqa" });
  link._awaitingSince -= 800; // its rerun reached the map 0.8 s after the report
  link.follow({ day: 150, revision: 1, ack: 1 });
  const delay = link._settleDelay(50000);
  assert.ok(delay >= 1600 && delay <= 2000, `waited ${delay} ms`);
  link._report({ kind: "town", id: "mosul" });
  link._awaitingSince -= 5000; // and the next one's 5 s
  link.follow({ day: 150, revision: 1, ack: 2 });
  assert.equal(link._settleDelay(90000), 2000);
});
