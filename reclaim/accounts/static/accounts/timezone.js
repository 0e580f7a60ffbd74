// Picks the time zone this browser is set to, so a new member does not have
// to find their city in a list of hundreds, and says in words what was
// chosen. Without this file the list is still there, with the zones of the
// member's country first.
(function () {
  "use strict";
  var select = document.querySelector("select[data-detect-timezone]");
  var said = document.querySelector("[data-timezone-said]");
  if (!select || !said || !window.Intl || !Intl.DateTimeFormat) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // A zone the list does not offer (or none at all) leaves the list as it is.
  var option = zone && Array.prototype.find.call(select.options, function (o) {
    return o.value === zone;
  });
  if (!option || option.selected) return;
  option.selected = true;
  said.querySelector("[data-timezone-name]").textContent = option.textContent;
  var field = select.parentElement;
  field.hidden = true;
  said.hidden = false;
  said.querySelector("[data-timezone-change]").addEventListener("click", function () {
    said.hidden = true;
    field.hidden = false;
    select.focus();
  });
})();
