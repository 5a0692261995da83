/* Claim check: read a chosen text file into the box; draw the supporting flights of the verdicts. */
(function () {
  "use strict";
  var MAX = 1900000;
  var file = document.getElementById("lw-file");
  file.addEventListener("change", function () {
    var f = file.files && file.files[0];
    if (!f) return;
    if (f.size > MAX) { alert("file too large (limit " + MAX + " bytes)"); file.value = ""; return; }
    var reader = new FileReader();
    reader.onload = function () { document.getElementById("lw-article").value = String(reader.result); };
    reader.readAsText(f);
  });
  var data = LW.json("lw-data");
  if (!data || !data.ids || !data.ids.length || !document.getElementById("map")) { LW.setStatus({ ready: 1 }); return; }
  var map = LW.makeMap("map");
  var group = L.featureGroup().addTo(map);
  fetch("/api/flights/by-id?z=6&ids=" + encodeURIComponent(data.ids.join(",")))
    .then(function (r) { return r.json(); })
    .then(function (body) {
      var drawn = LW.drawFlights(group, body);
      if (group.getLayers().length) map.fitBounds(group.getBounds(), { animate: false, maxZoom: 8 });
      LW.setStatus({ ready: 1, tracks: drawn.tracks, projections: drawn.projections });
    });
})();
