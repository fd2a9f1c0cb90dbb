// The reception desk: read a chip ID card's QR code typed by a desk scanner, submit with Ctrl+Enter,
// and move on to the next field once a known citizen or a case has been picked.
(function () {
  "use strict";

  var form = document.getElementById("desk-form");
  if (!form) { return; }

  var GENDERS = { "nam": "male", "nữ": "female", "nu": "female" };

  // CCCD|CMND|Họ tên|ddmmyyyy|Giới tính|Nơi thường trú|ddmmyyyy
  function parseChipQr(text) {
    var parts = text.trim().split("|");
    if (parts.length < 6 || !/^\d{12}$/.test(parts[0])) { return null; }
    var born = parts[3].trim();
    return {
      cccd: parts[0],
      full_name: parts[2].trim().replace(/\s+/g, " "),
      birth_date: /^\d{8}$/.test(born) ? born.slice(0, 2) + "/" + born.slice(2, 4) + "/" + born.slice(4) : "",
      gender: GENDERS[parts[4].trim().toLowerCase()] || "",
      address: parts[5].trim()
    };
  }

  function field(name) { return form.elements.namedItem(name); }

  function fillFromQr(input) {
    var scanned = parseChipQr(input.value);
    if (!scanned) { return false; }
    if (input.name !== "cccd") { input.value = ""; }
    Object.keys(scanned).forEach(function (name) {
      if (scanned[name] && field(name)) { field(name).value = scanned[name]; }
    });
    field("cccd").dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  }

  // A scanner types fast and usually ends with Enter: read the code when its last part is complete or on Enter.
  form.addEventListener("input", function (event) {
    var value = event.target.value || "";
    if (value.split("|").length >= 7 && /\|\d{8}$/.test(value)) { fillFromQr(event.target); }
  });

  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.target.value && event.target.value.indexOf("|") >= 0) {
      event.preventDefault();
      fillFromQr(event.target);
    }
  });

  // After a pick the officer goes on typing: the content once the citizen is known, the result once the case is.
  var NEXT_AFTER = { "citizen-fields": "content", "case-field": "result" };
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var next = event.detail.target && NEXT_AFTER[event.detail.target.id];
    if (next && field(next)) { field(next).focus(); }
  });
})();
