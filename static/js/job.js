// The job page: the progress bar's width, then (while the job runs) a poll of its status every second.
(function () {
  const bar = document.getElementById("job-bar");
  if (!bar) { return; }
  const show = (percent) => {
    bar.style.width = percent + "%";
    bar.textContent = percent + "%";
    bar.parentElement.setAttribute("aria-valuenow", percent);
  };
  show(bar.dataset.percent);
  const url = bar.dataset.statusUrl;
  if (!url) { return; }
  async function poll() {
    let data = null;
    try {
      const response = await fetch(url, {headers: {"Accept": "application/json"}});
      if (response.ok) { data = await response.json(); }
    } catch (error) { /* network hiccup: ask again below */ }
    if (!data) { setTimeout(poll, 3000); return; }
    show(data.percent);
    document.getElementById("job-status").textContent = data.status_label;
    document.getElementById("job-message").textContent = data.message;
    if (data.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
  }
  setTimeout(poll, 1000);
})();
