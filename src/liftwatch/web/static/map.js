/* Map + timeline: fetch one page of the filtered flights (URL state), draw, animate positions over time. */
(function () {
  "use strict";
  var view = LW.json("lw-view");
  var map = LW.makeMap("map");
  var group = L.featureGroup().addTo(map);
  var civilGroup = L.featureGroup().addTo(map);
  var dots = L.layerGroup().addTo(map);
  var drawn = null, tmin = 0, tmax = 0, timer = null, fitted = false;
  var slider = document.getElementById("lw-slider");
  var label = document.getElementById("lw-time");
  var play = document.getElementById("lw-play");

  function pageLink(page, text) {
    var params = new URLSearchParams(view.query);
    if (page > 0) params.set("page", String(page)); else params.delete("page");
    return LW.el("a", text, { href: "/?" + params.toString() });
  }
  function paging(body) {
    var box = document.getElementById("lw-paging");
    box.textContent = "";
    if (body.pages <= 1) return;
    if (body.page > 0) box.appendChild(pageLink(body.page - 1, "← previous"));
    box.appendChild(LW.el("span", " page " + (body.page + 1) + " of " + body.pages + " (" + body.flights.length + " drawn) "));
    if (body.page + 1 < body.pages) box.appendChild(pageLink(body.page + 1, "next →"));
  }
  function load() {
    var params = new URLSearchParams(view.query);
    params.set("page", String(view.page));
    params.set("limit", String(view.limit));
    params.set("z", String(map.getZoom()));
    var t0 = performance.now();
    return fetch("/api/flights?" + params.toString())
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (res) {
        if (!res.ok) throw new Error(res.body.error || "request failed");
        var body = res.body;
        group.clearLayers(); civilGroup.clearLayers(); dots.clearLayers();
        drawn = LW.drawFlights(group, body, { civilGroup: civilGroup });
        document.getElementById("lw-count").textContent = String(body.count);
        paging(body);
        tmin = Infinity; tmax = -Infinity;
        body.flights.forEach(function (f) { if (f.t0 < tmin) tmin = f.t0; if (f.t1 > tmax) tmax = f.t1; });
        if (!fitted && drawn.tracks) { fitted = true; map.fitBounds(group.getBounds().extend(civilGroup.getBounds()), { maxZoom: 8, animate: false }); }
        setTime(Number(slider.value));
        LW.setStatus({ ready: 1, tracks: drawn.tracks, projections: drawn.projections, sites: drawn.sites,
                       ms: Math.round(performance.now() - t0) });
      })
      .catch(function (e) { LW.errors.push(String(e)); LW.setStatus({ ready: 1, errors: LW.errors.join(" | ") }); });
  }
  function position(item, t) {
    var f = item.f, ll = item.latlngs;
    if (ll.length < 2 || f.t1 <= f.t0) return ll[0];
    var x = Math.max(0, Math.min(1, (t - f.t0) / (f.t1 - f.t0))) * (ll.length - 1);
    var i = Math.min(ll.length - 2, Math.floor(x)), r = x - i;
    return [ll[i][0] + r * (ll[i + 1][0] - ll[i][0]), ll[i][1] + r * (ll[i + 1][1] - ll[i][1])];
  }
  function setTime(v) {
    if (!drawn || !isFinite(tmin)) { label.textContent = ""; return; }
    dots.clearLayers();
    if (v >= 1000) {
      label.textContent = "all of " + LW.fmtTime(tmin) + " – " + LW.fmtTime(tmax);
      drawn.lines.forEach(function (it) { if (it.line.setStyle) it.line.setStyle(it.style); });
      return;
    }
    var t = tmin + (tmax - tmin) * v / 1000;
    label.textContent = LW.fmtTime(t);
    drawn.lines.forEach(function (it) {
      var active = it.f.t0 <= t && t <= it.f.t1, past = it.f.t1 < t;
      if (it.line.setStyle) it.line.setStyle({ opacity: active ? it.style.opacity : past ? 0.08 : 0 });
      if (active && !(it.civil && !map.hasLayer(civilGroup))) {
        dots.addLayer(L.circleMarker(position(it, t), { radius: it.civil ? 2 : 4, color: it.style.color, fillOpacity: 1 }));
      }
    });
  }
  slider.addEventListener("input", function () { setTime(Number(slider.value)); });
  play.addEventListener("click", function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "▶ play"; return; }
    if (Number(slider.value) >= 1000) slider.value = "0";
    play.textContent = "❚❚ pause";
    timer = setInterval(function () {
      var v = Number(slider.value) + 2;
      if (v >= 1000) { v = 1000; clearInterval(timer); timer = null; play.textContent = "▶ play"; }
      slider.value = String(v);
      setTime(v);
    }, 50);
  });
  document.getElementById("lw-civil").addEventListener("change", function (e) {
    if (e.target.checked) civilGroup.addTo(map); else map.removeLayer(civilGroup);
  });
  var lastZoom = map.getZoom();
  map.on("zoomend", function () {
    // re-fetch simplified to the new zoom only when detail changes noticeably
    if (drawn && Math.abs(map.getZoom() - lastZoom) >= 2) { lastZoom = map.getZoom(); load(); }
  });
  if (view.error) LW.setStatus({ ready: 1, tracks: 0 });
  else load();
})();
