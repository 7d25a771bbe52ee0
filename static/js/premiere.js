// A premiere's live thread: htmx asks for its threads every few seconds with the ETag of what
// the page shows. Optional: without it the page has a refresh link.
(function () {
  "use strict";
  function isLive(element) {
    return element && element.id === "discussion-threads";
  }
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (!isLive(target)) return;
    // Unchanged (304 Not Modified): keep what is shown.
    if (event.detail.xhr.status === 304) {
      event.detail.shouldSwap = false;
      return;
    }
    // Never under a reader's hands: an open reply form, or a field they are typing in. The
    // next poll brings the same again (its ETag is still the old one).
    var active = document.activeElement;
    var typing = active && target.contains(active) && /^(TEXTAREA|INPUT|SELECT)$/.test(active.tagName);
    if (target.querySelector("details.reply[open]") || typing) {
      event.detail.shouldSwap = false;
    }
  });
})();
