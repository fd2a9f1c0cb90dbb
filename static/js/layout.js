// Every page on a narrow screen: the header's menu and a list's filters fold away, and a list's table reads as cards,
// each cell under its column's name. Without script the menu and the filters stay open and a table is a table. On a
// form's page a focused field stays clear of its sticky bar.
(function () {
  "use strict";

  function foldMenu() {
    var toggle = document.querySelector(".nav-toggle");
    var header = document.querySelector(".site-header");
    if (!toggle || !header) { return; }
    toggle.hidden = false;
    header.classList.add("menu-folds");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      header.classList.toggle("menu-open", open);
    });
  }

  function labelCells(root) {
    root.querySelectorAll("table.reflow").forEach(function (table) {
      var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (names[index] && !cell.hasAttribute("data-label") && cell.colSpan === 1) {
            cell.setAttribute("data-label", names[index]);
          }
        });
      });
    });
  }

  function foldFilters() {
    if (!window.matchMedia("(max-width: 720px)").matches) { return; }
    document.querySelectorAll("details[data-fold-narrow]").forEach(function (box) { box.open = false; });
  }

  // A form's sticky bar (.desk-actions) grows with the warnings it shows: the page keeps its height as the room to
  // leave below a focused field (the CSS scroll-padding). The browser scrolls a focused field only when it is wholly
  // out of view: one the bar half covers, or came to cover as it grew, scrolls clear of it here.
  function keepClearOfBar() {
    var bar = document.querySelector(".desk-actions");
    if (!bar) { return; }
    function clear(field) {
      if (field && field !== document.body && !bar.contains(field) &&
          field.getBoundingClientRect().bottom > bar.getBoundingClientRect().top) {
        field.scrollIntoView({ block: "nearest" });
      }
    }
    document.addEventListener("focusin", function (event) { clear(event.target); });
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        document.documentElement.style.setProperty("--bar-height", bar.offsetHeight + "px");
        clear(document.activeElement);
      }).observe(bar);
    }
  }

  // A search picker (danvan/pickers.py): typing drops the record chosen until one is picked from the matches; a form
  // sends the chosen id only, not the words typed in its search box (a form htmx sends itself is left alone).
  function keepPickersHonest() {
    document.addEventListener("input", function (event) {
      var box = event.target;
      if (box.matches && box.matches("[data-picker-query]")) { box.previousElementSibling.value = ""; }
    });
    document.addEventListener("submit", function (event) {
      if (event.defaultPrevented) { return; }
      event.target.querySelectorAll("[data-picker-query]").forEach(function (box) { box.disabled = true; });
    });
    window.addEventListener("pageshow", function () {
      document.querySelectorAll("[data-picker-query]").forEach(function (box) { box.disabled = false; });
    });
  }

  foldMenu();
  keepClearOfBar();
  keepPickersHonest();
  foldFilters();
  labelCells(document);
  document.body.addEventListener("htmx:afterSettle", function (event) { labelCells(event.detail.elt); });
})();
