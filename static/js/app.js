// Small behaviours for every page. No inline scripts anywhere: the CSP forbids them.
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

document.addEventListener("click", (event) => {
  if (event.target.closest(".js-print")) {
    window.print();
  }
});

// ---- The page picture beside the review -------------------------------------------------
// One <dialog>: shown beside the list (non-modal) on a wide screen; on a tablet or phone, or
// when the officer asks for the full width, shown modal: focus stays inside until it is closed
// (Close, Escape) and then goes back to the link or button that opened it.
(() => {
  const dialog = document.getElementById("page-dialog");
  if (!dialog) return;
  const wide = window.matchMedia("(min-width: 901px)");
  const ZOOMS = [100, 150, 200, 300, 400];
  let zoom = 0; // index into ZOOMS, kept across pages
  let opener = null;

  const showBeside = () => {
    // The open attribute rather than show(): show() would move focus into the viewer on load.
    if (wide.matches && !dialog.open) dialog.setAttribute("open", "");
  };
  const openModal = (from) => {
    opener = from || document.activeElement;
    if (dialog.open) dialog.close(); // its "close" event comes later, when it is open again
    dialog.showModal();
    dialog.classList.add("is-modal");
    const toggle = dialog.querySelector("[data-viewer=wide]");
    if (toggle) toggle.textContent = "Beside the list";
    dialog.querySelector("[data-viewer=close]")?.focus();
  };
  dialog.addEventListener("close", () => {
    if (dialog.open) return; // closed only to be reopened as a modal

    dialog.classList.remove("is-modal");
    const toggle = dialog.querySelector("[data-viewer=wide]");
    if (toggle) toggle.textContent = "Full width";
    showBeside();
    if (opener && document.contains(opener)) opener.focus();
    opener = null;
  });
  wide.addEventListener("change", () => {
    if (wide.matches) showBeside();
    else if (dialog.open && !dialog.classList.contains("is-modal")) dialog.close();
  });
  showBeside();

  dialog.addEventListener("click", (event) => {
    const control = event.target.closest("[data-viewer], [data-zoom]");
    if (control?.dataset.viewer === "close") dialog.close();
    else if (control?.dataset.viewer === "wide") {
      if (dialog.classList.contains("is-modal")) dialog.close();
      else openModal(control);
    } else if (control?.dataset.zoom) {
      const step = control.dataset.zoom;
      setZoom(step === "in" ? zoom + 1 : step === "out" ? zoom - 1 : 0);
    } else if (event.target.closest(".page-figure img")) {
      // A click zooms in on the point clicked; a click on a zoomed page fits it again.
      setZoom(zoom === 0 ? 2 : 0, event);
    }
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.target.closest("input, textarea, select")) return;
    if (event.key === "+" || event.key === "=") setZoom(zoom + 1);
    else if (event.key === "-" || event.key === "_") setZoom(zoom - 1);
    else return;
    event.preventDefault();
  });

  function setZoom(index, click) {
    const viewer = document.getElementById("page-viewer");
    const scroller = viewer?.querySelector(".page-scroll");
    const figure = viewer?.querySelector(".page-figure");
    if (!figure) return;
    const before = figure.getBoundingClientRect();
    // The point to keep in place: the click, else the highlighted cell, else the top left.
    let fx = 0;
    let fy = 0;
    if (click) {
      fx = (click.clientX - before.left) / before.width;
      fy = (click.clientY - before.top) / before.height;
    }
    zoom = Math.max(0, Math.min(ZOOMS.length - 1, index));
    figure.dataset.scale = String(ZOOMS[zoom]);
    viewer.querySelector(".zoom-level").textContent = `${ZOOMS[zoom]}%`;
    viewer.classList.toggle("zoomed", zoom > 0);
    if (click) centre(scroller, figure, fx, fy);
    else showSelected(scroller, figure);
  }

  function centre(scroller, figure, fx, fy) {
    const box = figure.getBoundingClientRect();
    scroller.scrollLeft = fx * box.width - scroller.clientWidth / 2;
    scroller.scrollTop = fy * box.height - scroller.clientHeight / 2;
  }

  function showSelected(scroller, figure) {
    const cell = figure.querySelector("rect.selected");
    if (!cell || zoom === 0) return;
    const box = figure.getBoundingClientRect();
    const rect = cell.getBoundingClientRect();
    centre(
      scroller,
      figure,
      (rect.left + rect.width / 2 - box.left) / box.width,
      (rect.top + rect.height / 2 - box.top) / box.height,
    );
  }

  // htmx loaded a page into the viewer: keep the zoom, and open the dialog where it is needed.
  document.body.addEventListener("htmx:beforeRequest", (event) => {
    const link = event.detail.elt;
    if (link?.classList?.contains("pagelink")) opener = link;
  });
  // (htmx:load fires on the new viewer, which is in the document; afterRequest on the link.)
  document.body.addEventListener("htmx:load", (event) => {
    if (event.target.id === "page-viewer") setZoom(zoom);
  });
  document.body.addEventListener("htmx:afterRequest", (event) => {
    const link = event.detail.elt;
    if (!event.detail.successful || !link?.classList?.contains("pagelink")) return;
    if (!wide.matches && !dialog.classList.contains("is-modal")) openModal(link);
    else if (!dialog.classList.contains("is-modal")) dialog.scrollTop = 0;
  });
  const viewer = document.getElementById("page-viewer");
  if (viewer?.querySelector(".page-figure")) setZoom(0);
})();

// ---- Keyboard review ----------------------------------------------------------------------
// After a Save the review page opens at "#value-123": focus that row (inside a closed part,
// open it first) so the officer carries on from where they were.
window.addEventListener("DOMContentLoaded", () => {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const row = id && document.getElementById(id);
  if (row && row.getAttribute("tabindex") === "-1") {
    const part = row.closest("details");
    if (part && !part.open) part.open = true;
    row.classList.add("just-saved");
    row.focus({ preventScroll: true });
    // after the browser's own jump to the fragment (which puts the row at the very top)
    const centre = () => row.scrollIntoView({ block: "center" });
    if (document.readyState === "complete") centre();
    else window.addEventListener("load", () => requestAnimationFrame(centre), { once: true });
  }
  const form = document.querySelector("form.review-form");
  if (form) {
    const first = form.querySelector(
      "input:not([type=hidden]):not([disabled]), select, textarea",
    );
    first?.focus();
    form.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      } else if (event.key === "Escape" && !event.target.closest("dialog")) {
        const cancel = form.querySelector("[data-cancel]");
        if (cancel) window.location.assign(cancel.href);
      }
    });
  }
});
