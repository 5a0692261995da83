/* liftwatch dashboard: shared helpers (map set-up, track drawing, safe DOM building). No inline script:
   pages pass data as <script type="application/json"> elements read with LW.json(). All text from the
   store goes into the page through textContent, never innerHTML. */
(function () {
  "use strict";
  var LW = (window.LW = {});
  var status = document.getElementById("lw-status");
  LW.errors = [];
  window.addEventListener("error", function (e) {
    LW.errors.push(String(e.message || e));
    if (status) status.dataset.errors = LW.errors.join(" | ");
  });
  LW.setStatus = function (values) {
    if (!status) return;
    Object.keys(values).forEach(function (k) { status.dataset[k] = String(values[k]); });
  };
  LW.json = function (id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  };
  LW.colors = { military: "#c0392b", state: "#e67e22", civil: "#7f8fa6", unknown: "#9aa5b1" };
  LW.el = function (tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  };
  LW.fmtTime = function (t) {
    return t ? new Date(t * 1000).toISOString().slice(0, 16).replace("T", " ") + "Z" : "";
  };
  LW.makeMap = function (id, onOutline) {
    var map = L.map(id, { preferCanvas: true, worldCopyJump: true, zoomSnap: 0.5, maxZoom: 18 }).setView([33, 25], 5);
    map.createPane("outline").style.zIndex = 250;
    fetch("/vendor/countries.geojson")
      .then(function (r) { return r.json(); })
      .then(function (g) {
        L.geoJSON(g, {
          pane: "outline",
          interactive: false,
          style: { color: "#a7a49a", weight: 0.8, fillColor: "#f6f3ea", fillOpacity: 1 },
        }).addTo(map);
        if (onOutline) onOutline();
      });
    return map;
  };
  function popup(f, sites) {
    var box = LW.el("div", null, { class: "lw-popup" });
    var a = LW.el("a", f.callsign || f.asset, { href: "/flight/" + encodeURIComponent(f.id) });
    box.appendChild(a);
    var name = function (id) { return id ? (sites[id] ? sites[id].name : id) : "?"; };
    box.appendChild(LW.el("div", (f.type || "type ?") + " · " + f.cls + " · " + (f.country || "?")));
    // a site below the confidence threshold is a guess: "Al-Khadim Air Base?"
    var end = function (id, guess) { return name(id) + (id && guess ? "?" : ""); };
    box.appendChild(LW.el("div", end(f.dep, f.dep_guess) + " → " + end(f.arr, f.arr_guess) + " (" + (f.ending || "?") + ")"));
    box.appendChild(LW.el("div", LW.fmtTime(f.t0) + " – " + LW.fmtTime(f.t1)));
    if (f.cands && f.cands.length) {
      box.appendChild(LW.el("div", "candidates: " + f.cands.map(function (c) {
        return name(c.site) + " " + c.prob.toFixed(2);
      }).join(", ")));
    }
    return box;
  }
  /* Draw flights into `group`: military/state bold, civil dimmed, dark endings dashed to each ranked
     destination (weight by probability). Returns per-flight line handles for the timeline. */
  LW.drawFlights = function (group, data, opts) {
    opts = opts || {};
    var sites = data.sites || {};
    var out = { tracks: 0, projections: 0, sites: 0, lines: [] };
    data.flights.forEach(function (f) {
      if (!f.coords || !f.coords.length) return;
      var civil = f.cls === "civil" || f.cls === "unknown";
      var latlngs = f.coords.map(function (p) { return [p[1], p[0]]; });
      var color = LW.colors[f.cls] || LW.colors.unknown;
      var style = civil ? { color: color, weight: 1, opacity: 0.35 } : { color: color, weight: 2.2, opacity: 0.9 };
      var line = latlngs.length > 1 ? L.polyline(latlngs, style) : L.circleMarker(latlngs[0], { radius: 2, color: color });
      line.bindPopup(function () { return popup(f, sites); });
      (civil && opts.civilGroup ? opts.civilGroup : group).addLayer(line);
      out.tracks += 1;
      var projections = [];
      if (f.last && f.cands && f.cands.length) {
        f.cands.forEach(function (c) {
          var s = sites[c.site];
          if (!s) return;
          var dash = L.polyline([[f.last[1], f.last[0]], [s.lat, s.lon]], {
            color: color, weight: 1 + 3 * c.prob, opacity: 0.8, dashArray: "6 6",
          });
          dash.bindTooltip(s.name + " " + (100 * c.prob).toFixed(0) + "%");
          group.addLayer(dash);
          projections.push(dash);
          out.projections += 1;
        });
      }
      out.lines.push({ f: f, line: line, latlngs: latlngs, projections: projections, civil: civil, style: style });
    });
    Object.keys(sites).forEach(function (id) {
      var s = sites[id];
      var m = L.circleMarker([s.lat, s.lon], { radius: 4, color: "#222", weight: 1, fillColor: "#fff", fillOpacity: 1 });
      var box = LW.el("div");
      box.appendChild(LW.el("a", s.name, { href: "/site/" + encodeURIComponent(s.id) }));
      box.appendChild(LW.el("div", (s.kind || "") + " · " + (s.country || "?")));
      box.appendChild(LW.el("div", "controlled by: " + (s.controller || "unknown")));
      m.bindPopup(box);
      m.bindTooltip(s.name);
      group.addLayer(m);
      out.sites += 1;
    });
    return out;
  };
})();
