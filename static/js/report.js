// The report's choice: show the year, month or dates only for the periods that read them (each field carries the
// periods it serves in data-show-for). Without JavaScript every field stays visible and the server checks them.
(function () {
  "use strict";

  var form = document.getElementById("report-choice");
  if (!form) { return; }
  var period = form.elements.namedItem("period");

  function update() {
    form.querySelectorAll("[data-show-for]").forEach(function (field) {
      field.hidden = field.getAttribute("data-show-for").split(" ").indexOf(period.value) === -1;
    });
  }

  period.addEventListener("change", update);
  update();
})();
