// Every page on a narrow screen: the header's menu and a list's filters fold away, and a list's table reads as cards,
// each cell under its column's name. Without script the menu and the filters stay open and a table is a table.
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

  foldMenu();
  foldFilters();
  labelCells(document);
  document.body.addEventListener("htmx:afterSettle", function (event) { labelCells(event.detail.elt); });
})();
