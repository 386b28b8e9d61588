// What the map decides in the browser before it draws anything: which period of a town (or span of a zone
// cell) is on at a date, the days the timeline's ◀ ▶ stop at, and the unpacking of the payload's rings.
// The files are the dashboard's own, loaded as the page loads them (into window.ControlMapParts), without
// Leaflet: these parts need none.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

global.window = {};
const dir = path.join(__dirname, "../../static/folium_control");
require(path.join(dir, "canvas_sheet.js"));
require(path.join(dir, "zone_cells.js"));
require(path.join(dir, "control_layer.js"));
const parts = global.window.ControlMapParts;

// Periods as the payload packs them: [from, to, force, contested, contesting force, uncertain], days since 1970.
const HELD_BY_IS = [null, 17480, 0, 0, -1, 1]; // unknown start, until 2017-11-10 (exclusive)
const CONTESTED = [17480, 17490, 1, 1, 0, 0]; // 2017-11-10 to 2017-11-20
const HELD_BY_GOV = [17490, null, 1, 0, -1, 0]; // from 2017-11-20, open

test("a period covers its first day and not its last (half-open), an open end reaching forever", () => {
  assert.equal(parts.covers(17480, 17490, 17480), true);
  assert.equal(parts.covers(17480, 17490, 17490), false);
  assert.equal(parts.covers(null, 17480, -100000), true);
  assert.equal(parts.covers(17490, null, 99999), true);
});

test("the period on at a date is the one that covers it, the later one where two do", () => {
  const periods = [HELD_BY_IS, CONTESTED, HELD_BY_GOV];
  assert.equal(parts.rowOn(periods, 17000), 0);
  assert.equal(parts.rowOn(periods, 17479), 0);
  assert.equal(parts.rowOn(periods, 17480), 1);
  assert.equal(parts.rowOn(periods, 17490), 2);
  assert.equal(parts.rowOn([CONTESTED], 17000), -1); // before anything is known: not drawn
  const overlapping = [[17480, null, 0, 0, -1, 0], [17485, null, 1, 0, -1, 0]];
  assert.equal(parts.rowOn(overlapping, 17486), 1);
});

test("the timeline stops at every day some town's state begins or ends, in order, once each", () => {
  const payload = { towns: { periods: [[HELD_BY_IS, CONTESTED, HELD_BY_GOV], [[17485, 17490, 2, 0, -1, 0]]] } };
  assert.deepEqual(parts.changeDays(payload), [17480, 17485, 17490]);
});

test("a packed ring unpacks to its points: the first absolute, the rest differences, on the layer's grid", () => {
  const crs = { latLngToPoint: (latlng) => ({ x: latlng.lng, y: -latlng.lat }) }; // a plain projection
  const scale = 100000;
  const ring = [3800000, 3500000, 100000, 0, 0, 100000, -100000, -100000]; // (38,35) (39,35) (39,36) (38,35)
  const cell = parts.unpackCell(crs, [[ring]], scale);
  assert.deepEqual(Array.from(cell.rings[0]), [38, -35, 39, -35, 39, -36, 38, -35]);
  assert.deepEqual(cell.box, [38, -36, 39, -35]);
});

test("dates print as the link and the timeline show them", () => {
  assert.equal(parts.iso(17480), "2017-11-10");
});
