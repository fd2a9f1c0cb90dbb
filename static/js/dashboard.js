// The leader's dashboard: draws the monthly trends with the vendored Chart.js from the data the page carries in
// <script type="application/json" id="trend-data"> (json_script): the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";

  var source = document.getElementById("trend-data");
  if (!source || typeof window.Chart === "undefined") { return; }
  var trend = JSON.parse(source.textContent);

  function draw(id, label, data, color) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: trend.months, datasets: [{ label: label, data: data, backgroundColor: color, borderRadius: 3 }] },
      options: {
        locale: "vi-VN",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  draw("chart-visits", "Lượt tiếp công dân", trend.visits, "#b3261e");
  draw("chart-petitions", "Đơn tiếp nhận", trend.petitions, "#1a5fb4");
})();
