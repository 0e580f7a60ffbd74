// Shows a webinar's time on the visitor's own clock as well as the host's.
// The page already says the time in words on the host's clock; this only
// adds a line below it ("That is … where you are, in Europe/Paris time"),
// so nothing is lost without JavaScript and nothing is guessed wrongly.
(function () {
  "use strict";
  var own;
  try {
    own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!own) return;
  var words = new Intl.DateTimeFormat(undefined, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZone: own
  });
  document.querySelectorAll("time[data-localtime-from]").forEach(function (time) {
    var when = new Date(time.getAttribute("datetime"));
    if (isNaN(when.getTime()) || time.getAttribute("data-localtime-from") === own) return;
    var note = time.parentElement.nextElementSibling;
    if (!note || !note.hasAttribute("data-localtime-note")) return;
    note.textContent = "That is " + words.format(when) + " where you are (" +
      own.replace(/_/g, " ") + " time, as your device says).";
    note.hidden = false;
  });
  var dates = new Intl.DateTimeFormat(undefined, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZone: own, timeZoneName: "short"
  });
  document.querySelectorAll("time[data-localtime-date]").forEach(function (time) {
    var when = new Date(time.getAttribute("datetime"));
    if (!isNaN(when.getTime())) time.textContent = dates.format(when);
  });
})();
