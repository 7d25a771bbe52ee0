// Counts characters as a reader types a comment. The form works without it.
(function () {
  "use strict";
  var formatter = new Intl.NumberFormat("en");

  function update(textarea) {
    var output = document.getElementById(textarea.dataset.counter);
    if (!output) return;
    var limit = Number(textarea.getAttribute("maxlength")) || 5000;
    var used = textarea.value.length;
    output.textContent = formatter.format(used) + " / " + formatter.format(limit) + " characters";
    output.classList.toggle("char-count--near", used > limit * 0.9);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches("textarea[data-counter]")) update(event.target);
  });
  function init(root) {
    root.querySelectorAll("textarea[data-counter]").forEach(update);
  }
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  // htmx swaps in a fresh discussion after posting.
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
