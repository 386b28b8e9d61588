// TownHistory: a Leaflet control that shows the clicked town's periods of control (the layer's own rows)
// and the quotes behind each (a table the page carries, ui/folium_control/town_history.py). All of it is
// article text: it goes into the page through textContent only, and a source's address becomes a link
// only when it is http(s).
"use strict";

(function (parts) {
  function line(parent, tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function dayText(day) { return day === null ? null : parts.iso(day); }

  const LayerControl = parts.controlKit(L).LayerControl;

  L.Control.TownHistory = LayerControl.extend({
    options: { position: "topright" },

    // histories: {sources: [name…], towns: per payload town, per period [precision, evidence…]},
    // evidence [source index, published (day number or YYYY-MM), event day or null, its precision, quote, url?].
    initialize: function (layer, histories, options) {
      LayerControl.prototype.initialize.call(this, layer, options);
      this._histories = histories;
      this._shown = null;
    },

    onAdd: function () {
      const box = L.DomUtil.create("div", "town-history");
      box.hidden = true;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Sources for the selected town");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      this._box = box;
      this._layer.on("townclick", this._onClick, this);
      this._layer.on("daychange", this._render, this);
      return box;
    },

    onRemove: function () {
      this._layer.off("townclick", this._onClick, this);
      this._layer.off("daychange", this._render, this);
    },

    _onClick: function (event) { this.show(event.id); },

    show: function (id) {
      this._shown = id && this._layer.townRecord(id) ? id : null;
      this._layer.setSelected(this._shown);
      this._render();
    },

    _render: function () {
      const box = this._box, id = this._shown, layer = this._layer, self = this;
      if (!box) return;
      box.textContent = "";
      box.hidden = id === null;
      if (id === null) return;
      const town = layer.townRecord(id), forces = layer.payload().forces;
      const notes = this._histories.towns[town.index] || [], sources = this._histories.sources;
      const head = line(box, "div", "town-history-head");
      line(head, "strong", "", town.name);
      const close = line(head, "button", "town-history-close", "×");
      close.type = "button";
      close.title = "Close";
      close.setAttribute("aria-label", "Close");
      close.addEventListener("click", function () { self.show(null); });
      const day = layer.day(), now = layer.town(id);
      line(box, "div", "town-history-now", "On " + parts.iso(day) + ": " + (now
        ? (now.status === "contested" ? "contested" : "held") + (now.uncertain ? ", dates uncertain" : "")
        : "no known holder"));
      town.periods.forEach(function (row, i) {
        const [from, to, holder, contested, by] = row;
        const [precision, ...evidence] = notes[i] || ["unknown"];
        const item = line(box, "div", "town-history-period");
        if (parts.covers(from, to, day)) item.classList.add("now");
        line(item, "div", "town-history-when", (dayText(from) || "unknown start") + " → " + (dayText(to) || "open") +
          " (dated to the " + precision + ")");
        const name = function (index) { return forces[index] ? forces[index].name : "unknown"; };
        line(item, "div", "town-history-what", contested === 1
          ? "contested: held by " + name(holder) + (by >= 0 ? ", fought over by " + name(by) : "")
          : "held by " + name(holder));
        for (const [source, published, eventDay, eventPrecision, quote, url] of evidence) {
          const quoteBox = line(item, "blockquote", "town-history-quote", "“" + quote + "”");
          const cite = line(quoteBox, "div", "town-history-source", "— " + (sources[source] || "unknown source") +
            ", published " + (typeof published === "number" ? parts.iso(published) : published) + (eventDay !== null ? "; event dated " + parts.iso(eventDay) + " (" + eventPrecision + ")" : ""));
          if (url && /^https?:\/\//i.test(url)) {
            cite.appendChild(document.createTextNode(" "));
            const link = line(cite, "a", "", url);
            link.href = url;
            link.rel = "noopener noreferrer nofollow";
            link.target = "_blank";
          }
        }
      });
    },
  });

  L.control.townHistory = function (layer, histories, options) {
    return new L.Control.TownHistory(layer, histories, options);
  };
})(window.ControlMapParts); // control_layer.js: iso, covers, LayerControl
