// Refreshes the campaign's progress while it sends (admin change page).
(function () {
  "use strict";
  const box = document.querySelector("[data-progress-url]");
  if (!box || box.dataset.status !== "sending") return;
  const bar = document.getElementById("campaign-progress-bar");
  const field = (name) => document.querySelectorAll('[data-progress="' + name + '"]');

  async function refresh() {
    const response = await fetch(box.dataset.progressUrl, {credentials: "same-origin"});
    if (!response.ok) return;
    const data = await response.json();
    bar.value = data.percent;
    bar.textContent = data.percent + "%";
    for (const name of ["total", "sent", "failed", "skipped", "pending", "per_second", "percent", "status_label"]) {
      field(name).forEach((node) => { node.textContent = data[name]; });
    }
    field("seconds_left").forEach((node) => {
      node.textContent = data.seconds_left === null ? "–" : data.seconds_left;
    });
    if (data.status === "sending") setTimeout(refresh, 2000);
  }
  setTimeout(refresh, 2000);
})();
