/* Flight page: the track at full detail, candidate destinations dashed, altitude/speed profile. */
(function () {
  "use strict";
  var data = LW.json("lw-data");
  var map = LW.makeMap("map");
  var group = L.featureGroup().addTo(map);
  var drawn = LW.drawFlights(group, { flights: [data.flight], sites: data.sites });
  if (group.getLayers().length) map.fitBounds(group.getBounds(), { animate: false, maxZoom: 9, padding: [20, 20] });
  LW.setStatus({ ready: 1, tracks: drawn.tracks, projections: drawn.projections, sites: drawn.sites });

  var canvas = document.getElementById("lw-profile");
  var p = data.profile, ctx = canvas.getContext("2d");
  var W = canvas.width, H = canvas.height, pad = 36;
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
  if (!p.t.length) { ctx.fillStyle = "#555"; ctx.fillText("no points stored for this flight", pad, H / 2); return; }
  var t0 = p.t[0], t1 = p.t[p.t.length - 1] || t0 + 1;
  function series(values, color, label, right) {
    var vals = values.filter(function (v) { return v !== null && isFinite(v); });
    if (!vals.length) return;
    var hi = Math.max.apply(null, vals) || 1;
    ctx.strokeStyle = color; ctx.lineWidth = 1.5; ctx.beginPath();
    var started = false;
    values.forEach(function (v, i) {
      if (v === null || !isFinite(v)) { started = false; return; }
      var x = pad + (W - 2 * pad) * (p.t[i] - t0) / Math.max(1, t1 - t0);
      var y = H - pad - (H - 2 * pad) * v / hi;
      if (started) ctx.lineTo(x, y); else { ctx.moveTo(x, y); started = true; }
    });
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.fillText(label + " max " + Math.round(hi), right ? W - pad - 110 : pad, 14);
  }
  ctx.strokeStyle = "#ccc"; ctx.strokeRect(pad, pad, W - 2 * pad, H - 2 * pad);
  series(p.alt, "#1f5fa8", "alt ft", false);
  series(p.gs, "#c0392b", "gs kt", true);
  ctx.fillStyle = "#555";
  ctx.fillText(LW.fmtTime(t0), pad, H - 10);
  ctx.fillText(LW.fmtTime(t1), W - pad - 110, H - 10);
})();
