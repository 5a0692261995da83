/* liftwatch report map: flights coloured by corridor, dashed projections for dark endings, sites with the
   controlling actor. Reads window.LW_DATA and window.LW_COUNTRIES (inlined by the report builder). No network
   unless the report was built with online tiles. (c) liftwatch contributors, MIT. */
(function () {
  "use strict";
  var data = window.LW_DATA, status = document.getElementById("lw-status");
  var map = L.map("map", { preferCanvas: false, worldCopyJump: true, zoomSnap: 0.25 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");

  function esc(v) {
    return String(v === null || v === undefined ? "" : v).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function table(p, keys) {
    var rows = keys.filter(function (k) { return p[k] !== null && p[k] !== undefined && p[k] !== ""; })
      .map(function (k) { return "<tr><td>" + esc(k) + "</td><td>" + esc(p[k]) + "</td></tr>"; });
    return '<table class="lw-popup">' + rows.join("") + "</table>";
  }

  var base = L.geoJSON(window.LW_COUNTRIES, {
    style: { color: "#8a8f98", weight: 0.8, fillColor: "#f6f3ea", fillOpacity: 1, interactive: false }
  }).addTo(map);
  var overlays = { "Country outlines (offline)": base };
  if (data.tiles) {
    overlays["OpenStreetMap tiles (online)"] = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 12, attribution: "&copy; OpenStreetMap contributors" }).addTo(map);
  }

  function isCivil(f) { return f.properties.classification === "civil"; }
  function trackLayer(filter, weight, opacity) {
    return L.geoJSON(data.flights, {
      filter: filter,
      style: function (f) {
        return { color: f.properties.color, weight: weight, opacity: opacity, className: "lw-track" };
      },
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 3, color: f.properties.color, className: "lw-track" });
      },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        layer.bindPopup("<b>" + esc(p.flight_id) + "</b> — " + esc(p.corridor) + table(p,
          ["registration", "type_code", "callsign", "classification", "country", "operator", "dep_site", "arr_site",
           "ending", "candidates", "first_ts", "last_ts", "lift_typical_t", "type_status", "home_site", "role"]));
      }
    });
  }
  // civil traffic underneath, thin and pale; military/state/unknown on top where the eye goes
  var civil = trackLayer(isCivil, 1, 0.18).addTo(map);
  var tracks = trackLayer(function (f) { return !isCivil(f); }, 2.4, 0.9).addTo(map);

  var dark = L.geoJSON(data.projections, {
    style: function (f) {
      var p = f.properties;
      return { color: p.color, weight: 1.8, dashArray: "6 6", opacity: Math.max(0.25, p.prob),
               className: "lw-dark" };
    },
    onEachFeature: function (f, layer) {
      var p = f.properties;
      layer.bindPopup("<b>" + esc(p.flight_id) + "</b> went " + esc(p.ending) + "<br>probable destination #" +
        esc(p.rank) + ": <b>" + esc(p.site_id) + "</b> (p = " + Number(p.prob).toFixed(2) + ")");
    }
  }).addTo(map);

  var sites = L.geoJSON(data.sites, {
    pointToLayer: function (f, latlng) {
      var p = f.properties;
      return L.circleMarker(latlng, { radius: 4 + Math.min(8, Math.sqrt(p.flights || 0)), color: "#222",
        weight: 1, fillColor: p.controller ? "#ffd23f" : "#ffffff", fillOpacity: 0.95, className: "lw-site" });
    },
    onEachFeature: function (f, layer) {
      var p = f.properties;
      layer.bindPopup("<b>" + esc(p.name || p.site_id) + "</b>" + table(p,
        ["site_id", "site_kind", "country", "controller", "flights"]));
      layer.bindTooltip(esc(p.name || p.site_id));
    }
  }).addTo(map);

  overlays["Military, state and unknown flights"] = tracks;
  overlays["Civil flights"] = civil;
  overlays["Dark endings: probable destinations"] = dark;
  overlays["Sites"] = sites;
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);

  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "lw-legend");
    div.innerHTML = "<b>Corridors</b>" + data.legend.map(function (e) {
      return '<i style="background:' + esc(e[1]) + '"></i>' + esc(e[0]);
    }).join("<br>") + '<br><i class="dash"></i>dark ending → probable destination' +
      '<br><span style="color:#777">site fill yellow: controlling actor known (see popup)</span>' +
      (data.not_drawn ? '<br><span style="color:#777">' + esc(data.not_drawn) +
        " civil tracks not drawn (all are in flights.geojson)</span>" : "");
    return div;
  };
  legend.addTo(map);

  var bounds = L.latLngBounds([]);
  [tracks, dark, civil, sites].forEach(function (g) { if (g.getLayers().length) { bounds.extend(g.getBounds()); } });
  if (bounds.isValid()) { map.fitBounds(bounds.pad(0.08)); } else { map.setView([33, 25], 4); }

  status.dataset.tracks = String(tracks.getLayers().length + civil.getLayers().length);
  status.dataset.projections = String(dark.getLayers().length);
  status.dataset.sites = String(sites.getLayers().length);
  status.dataset.ready = "1";
})();
