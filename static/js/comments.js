// Counts characters as a reader types a comment. Optional: the form works without it.
(function () {
  "use strict";
  if (!document.querySelectorAll || !window.Intl) return;
  var formatter = new Intl.NumberFormat(document.documentElement.lang || "en");

  function update(textarea) {
    var output = document.getElementById(textarea.getAttribute("data-counter"));
    if (!output) return;
    var limit = Number(textarea.getAttribute("maxlength")) || 5000;
    var used = textarea.value.length;
    // The words come from the page, in its language: "{used} / {limit} characters".
    var format = output.getAttribute("data-format") || "{used} / {limit} characters";
    output.textContent = format
      .replace("{used}", formatter.format(used))
      .replace("{limit}", formatter.format(limit));
    output.classList.toggle("char-count--near", used > limit * 0.9);
  }

  function init(root) {
    if (!root || !root.querySelectorAll) return;
    var fields = root.querySelectorAll("textarea[data-counter]");
    for (var i = 0; i < fields.length; i++) update(fields[i]);
  }

  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("textarea[data-counter]")) update(target);
  });
  // htmx swaps in a fresh discussion after posting.
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();

// A scene picked from a form's scene list fills in its start time (the form works without:
// the server takes a picked scene's start when no time is typed).
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select || !select.matches || !select.matches("select[data-fills-timecode]")) return;
    var field = document.getElementById(select.getAttribute("data-fills-timecode"));
    var option = select.options[select.selectedIndex];
    if (field && option && option.getAttribute("data-timecode")) {
      field.value = option.getAttribute("data-timecode");
    }
  });
})();
