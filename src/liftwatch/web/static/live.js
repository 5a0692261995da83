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
    state.textContent = "another process (a running watch) is writing the database; following its live channel…";
  });
  // Events a running `liftwatch watch` appends to the live channel (flights split, take-offs, landings,
  // dark endings, alerts). EventSource resends the last id on reconnect, so none is shown twice.
  source.addEventListener("live", function (e) {
    var ev = JSON.parse(e.data);
    var body = document.getElementById("lw-events");
    var tr = LW.el("tr", null, { class: ev.type === "alert" ? "lw-alert" : "" });
    tr.appendChild(LW.el("td", String(ev.ts || ev.at || "").replace("T", " ").slice(0, 19)));
    tr.appendChild(LW.el("td", ev.type === "alert" ? "ALERT " + ev.kind : String(ev.kind || "")));
    var td = LW.el("td");
    td.appendChild(LW.el("a", String(ev.flight_id || ""), { href: "/airframe/" + encodeURIComponent(ev.asset_id || "") }));
    tr.appendChild(td);
    var cs = ev.type === "alert" ? ev.callsign : (ev.callsigns || []).join(" ");
    tr.appendChild(LW.el("td", String(cs || "")));
    tr.appendChild(LW.el("td", String(ev.site || ev.dep_site || "")));
    tr.appendChild(LW.el("td", String(ev.rule || "")));
    body.insertBefore(tr, body.firstChild);
    while (body.rows.length > 500) { body.deleteRow(body.rows.length - 1); }
    state.textContent = "following the watch, event " + ev.id;
  });
  source.addEventListener("flights", function (e) {
    var body = document.getElementById("lw-new");
    JSON.parse(e.data).flights.forEach(function (f) {
      var tr = LW.el("tr");
      var td = LW.el("td");
      td.appendChild(LW.el("a", f.id, { href: "/flight/" + encodeURIComponent(f.id) }));
      tr.appendChild(td);
      [f.callsign, f.cls, (f.dep || "") + (f.dep && f.dep_guess ? "?" : ""), (f.arr || "") + (f.arr && f.arr_guess ? "?" : ""), f.ending || ""].forEach(function (v) { tr.appendChild(LW.el("td", v)); });
      body.insertBefore(tr, body.firstChild);
    });
  });
})();
