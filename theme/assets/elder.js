// 适老化（长者模式）: larger text, high contrast, wider spacing, larger targets.
// Loaded in <head> (not deferred) so the mode applies before the page is drawn; the
// choice is kept in localStorage and holds on every page of the site.
(function () {
  "use strict";
  var KEY = "gz-elder";
  var CLASS = "gz-elder";
  var root = document.documentElement;

  function stored() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function apply(on) {
    root.classList.toggle(CLASS, on);
    document.querySelectorAll("[data-gz-elder]").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function toggle() {
    var on = !root.classList.contains(CLASS);
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
    apply(on);
  }

  apply(stored());
  document.addEventListener("DOMContentLoaded", function () {
    apply(stored());
    document.querySelectorAll("[data-gz-elder]").forEach(function (button) {
      button.addEventListener("click", toggle);
    });
  });
}());
