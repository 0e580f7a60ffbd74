// Shows the Print button on the printable plan. Without JavaScript the page still
// tells the member how to print with the browser's own menu.
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
