/* Live: server-sent events from /api/live; counts update and new flights are listed as they are stored. */
(function () {
  "use strict";
  var state = document.getElementById("lw-live-state");
  var source = new EventSource("/api/live");
  source.addEventListener("open", function () { state.textContent = "connected"; });
  source.addEventListener("error", function () { state.textContent = "reconnecting…"; });
  source.addEventListener("store", function (e) {
    var s = JSON.parse(e.data);
    document.getElementById("lw-points").textContent = s.points.toLocaleString("en");
    document.getElementById("lw-flights").textContent = s.flights.toLocaleString("en");
    state.textContent = "connected, last update " + s.at.slice(11, 19) + "Z";
  });
  source.addEventListener("busy", function () {
    state.textContent = "another process is writing the database; waiting…";
  });
  source.addEventListener("flights", function (e) {
    var body = document.getElementById("lw-new");
    JSON.parse(e.data).flights.forEach(function (f) {
      var tr = LW.el("tr");
      var td = LW.el("td");
      td.appendChild(LW.el("a", f.id, { href: "/flight/" + encodeURIComponent(f.id) }));
      tr.appendChild(td);
      [f.callsign, f.cls, f.dep || "", f.arr || "", f.ending || ""].forEach(function (v) { tr.appendChild(LW.el("td", v)); });
      body.insertBefore(tr, body.firstChild);
    });
  });
})();
