// Light or dark: the system's choice (prefers-color-scheme) unless the reader picked one with
// the header's button. Loaded in <head> without defer, so a remembered choice is on <html>
// before the first paint. Without this file the site simply follows the system.
(function () {
  "use strict";
  var KEY = "starlight-theme";
  var root = document.documentElement;
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === "light" || value === "dark" ? value : null;
    } catch (error) {
      return null; // storage blocked: follow the system
    }
  }

  function effective() {
    return stored() || (system && !system.matches ? "light" : "dark");
  }

  var choice = stored();
  if (choice) root.setAttribute("data-theme", choice);

  function sync(button) {
    button.setAttribute("aria-pressed", effective() === "dark" ? "true" : "false");
  }

  function init() {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    sync(button);
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = effective() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try {
        window.localStorage.setItem(KEY, next);
      } catch (error) {
        // Not remembered, but still applied to this page.
      }
      sync(button);
    });
    if (system && system.addEventListener) {
      system.addEventListener("change", function () { sync(button); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
