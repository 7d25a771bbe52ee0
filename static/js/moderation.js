// Keyboard shortcuts for the moderation queue: j/k to move, a/r/s to decide, x to select,
// ? for help; on the appeals queue g/d grant or deny. Every action is also a plain button, so the desk works without this file.
(function () {
  "use strict";
  var current = null;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-queue-item]"));
  }

  function select(item) {
    if (!item) return;
    if (current) current.classList.remove("is-current");
    current = item;
    item.classList.add("is-current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var list = items();
    if (!list.length) return;
    var index = current ? list.indexOf(current) : -1;
    if (index === -1 && current) index = 0;
    select(list[Math.max(0, Math.min(list.length - 1, index + step))] || list[0]);
  }

  function press(key) {
    if (!current || !document.body.contains(current)) move(1);
    var control = current && current.querySelector('[data-key="' + key + '"]');
    if (!control) return;
    if (control.type === "checkbox") control.checked = !control.checked;
    else control.click();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.matches("input:not([type=checkbox]), textarea, select, [contenteditable]")) return;
    var help = document.getElementById("shortcuts");
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": case "r": case "s": case "x": case "g": case "d": press(event.key); break;
      case "?": if (help) help.open = !help.open; break;
      default: return;
    }
    event.preventDefault();
  });

  // After an in-place decision the item is replaced: keep the place in the queue.
  document.addEventListener("htmx:afterSwap", function (event) {
    var swapped = event.detail.target;
    if (swapped && swapped.id && document.getElementById(swapped.id)) {
      select(document.getElementById(swapped.id));
    } else if (event.detail.elt && event.detail.elt.matches && event.detail.elt.matches("[data-queue-item]")) {
      select(event.detail.elt);
    }
  });
})();
