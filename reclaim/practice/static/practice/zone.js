// Shows free times in the zone this browser is set to. The page lists times
// in the practitioner's zone until told otherwise; this asks once for the
// browser's own zone (when the visitor has not chosen one), so a visitor
// elsewhere reads their own clock. Without this file the zone list is there
// to choose from by hand.
(function () {
  "use strict";
  var form = document.querySelector("form[data-zone-form]");
  if (!form || form.hasAttribute("data-zone-asked")) return;
  if (!window.Intl || !Intl.DateTimeFormat) return;
  var select = form.querySelector("select[name=zone]");
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!select || !zone || select.value === zone) return;
  var known = Array.prototype.some.call(select.options, function (o) {
    return o.value === zone;
  });
  if (!known) return;
  var address = new URL(window.location.href);
  address.searchParams.set("zone", zone);
  window.location.replace(address.toString());
})();
