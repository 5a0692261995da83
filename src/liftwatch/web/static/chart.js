/* Daily series as lines on a canvas (corridors and site pages), with a PNG download of the chart. */
(function () {
  "use strict";
  var PALETTE = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"];
  var chart = LW.json("lw-chart");
  var canvas = document.getElementById("lw-series");
  if (!chart || !canvas) return;
  var ctx = canvas.getContext("2d"), W = canvas.width, H = canvas.height, pad = 34;
  ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, W, H);
  var n = chart.days.length, hi = 1;
  chart.series.forEach(function (s) { s.values.forEach(function (v) { if (v > hi) hi = v; }); });
  ctx.strokeStyle = "#ccc"; ctx.strokeRect(pad, 10, W - 2 * pad, H - pad - 10);
  ctx.fillStyle = "#555"; ctx.font = "11px sans-serif";
  ctx.fillText(hi.toFixed(1) + "/day", 2, 18);
  if (n) { ctx.fillText(chart.days[0], pad, H - 12); ctx.fillText(chart.days[n - 1], W - pad - 70, H - 12); }
  chart.series.forEach(function (s, k) {
    ctx.strokeStyle = PALETTE[k % PALETTE.length]; ctx.lineWidth = 2; ctx.beginPath();
    s.values.forEach(function (v, i) {
      var x = pad + (W - 2 * pad) * (n > 1 ? i / (n - 1) : 0.5), y = H - pad - (H - pad - 10) * v / hi;
      if (i) ctx.lineTo(x, y); else ctx.moveTo(x, y);
    });
    ctx.stroke();
  });
  document.querySelectorAll("#lw-series-legend i").forEach(function (el) {
    el.style.background = PALETTE[Number(el.dataset.i) % PALETTE.length];
  });
  var link = LW.el("a", "download chart (PNG)", { download: "liftwatch-chart.png", href: "#" });
  link.addEventListener("click", function () { link.href = canvas.toDataURL("image/png"); });
  canvas.insertAdjacentElement("afterend", link);
})();
