/* Airframe page: its recent flights on a map. */
(function () {
  "use strict";
  var data = LW.json("lw-data");
  var map = LW.makeMap("map");
  var group = L.featureGroup().addTo(map);
  var drawn = LW.drawFlights(group, data);
  if (group.getLayers().length) map.fitBounds(group.getBounds(), { animate: false, maxZoom: 8 });
  LW.setStatus({ ready: 1, tracks: drawn.tracks, projections: drawn.projections });
})();
