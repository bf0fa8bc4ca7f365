// The campaign dashboard's charts (Chart.js): data from the page's json_script blocks, the series' names
// from the canvases' data-series attributes (translated in the template).
(function () {
  const read = (id) => JSON.parse(document.getElementById(id).textContent);
  const units = read("data-units"), officers = read("data-officers"), trend = read("data-trend");
  const series = (id) => document.getElementById(id).dataset.series.split("|");
  const [actual, target] = series("chart-units"), [counted] = series("chart-officers");
  const [cases, money] = series("chart-trend");
  const percent = (v) => v === null ? "—" : v.toLocaleString("vi-VN", {maximumFractionDigits: 2}) + "%";
  new Chart(document.getElementById("chart-units"), {
    data: {labels: units.labels, datasets: [
      {type: "bar", label: actual, data: units.actual, backgroundColor: "#7a1f1f"},
      {type: "line", label: target, data: units.target, borderColor: "#f0ad4e", stepped: "middle", pointRadius: 3}]},
    options: {animation: false, scales: {y: {beginAtZero: true, max: 100, ticks: {callback: percent}}},
              plugins: {tooltip: {callbacks: {label: (c) => c.dataset.label + ": " + percent(c.raw)}}}}});
  new Chart(document.getElementById("chart-officers"), {
    type: "bar", data: {labels: officers.labels, datasets: [{label: counted, data: officers.counts, backgroundColor: "#0d6efd"}]},
    options: {animation: false, plugins: {legend: {display: false}}, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}});
  new Chart(document.getElementById("chart-trend"), {
    type: "line", data: {labels: trend.labels, datasets: [
      {label: cases, data: trend.cases, borderColor: "#7a1f1f"},
      {label: money, data: trend.money, borderColor: "#198754"}]},
    options: {animation: false, scales: {y: {beginAtZero: true, max: 100, ticks: {callback: percent}}}}});
})();
