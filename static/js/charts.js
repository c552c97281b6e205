// Draw each plotly chart from the figure JSON the server put beside it, when it scrolls into view.
"use strict";

(function () {
  const config = { displayModeBar: false, responsive: true };

  function draw(element) {
    const source = document.getElementById(element.dataset.figure);
    if (!source || element.dataset.drawn) return;
    const figure = JSON.parse(source.textContent);
    element.dataset.drawn = "yes";
    window.Plotly.newPlot(element, figure.data, figure.layout, config).then(() => {
      element.classList.add("drawn");
      document.dispatchEvent(new CustomEvent("chart:drawn", { detail: element }));
    });
  }

  function start() {
    const charts = document.querySelectorAll(".chart[data-figure]");
    if (!("IntersectionObserver" in window)) {
      charts.forEach(draw);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      entries.forEach((entry) => {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, { rootMargin: "200px" });
    charts.forEach((chart) => observer.observe(chart));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
