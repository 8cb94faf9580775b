// Search page on phones: the filters fold behind a 筛选 button, so the first result is on the first screen.
// On wide screens the button is hidden and the filters stay beside the results (theme/assets/reader.css).
(function () {
  "use strict";
  var button = document.querySelector("[data-gz-filters]");
  if (!button) return;
  var layout = button.closest(".gz-search__layout");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    layout.classList.toggle("gz-search__layout--filters", open);
  });
}());
