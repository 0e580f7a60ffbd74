// A "Copy the words" button beside a boundary's script. Without JavaScript
// the words stay in a read-only box, where they can be selected and copied.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-source]").forEach(function (source) {
    var row = source.parentNode.querySelector("[data-copy-row]");
    var status = document.getElementById(source.getAttribute("data-copy-status"));
    if (!row || !status) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Copy the words";

    function said(copied) {
      status.textContent = copied
        ? "Copied. You can paste them into a message."
        : "The words are selected: copy them with your device's copy command.";
    }

    function selectAndCopy() {
      source.focus();
      source.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (e) {
        copied = false;
      }
      said(copied);
    }

    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(function () {
          said(true);
        }, selectAndCopy);
      } else {
        selectAndCopy();
      }
    });
    row.appendChild(button);
  });
})();
