// The breathing pacer: a circle that grows on the breath in and shrinks on
// the breath out, and a short written cue that changes with each phase.
// When the member asks for reduced motion, the circle never moves: only the
// words change. Without this script the page shows the rhythm in words.
(function () {
  "use strict";
  var root = document.getElementById("pacer");
  if (!root) return;
  var live = root.querySelector(".pacer-live");
  var circle = root.querySelector(".pacer-circle");
  var cue = root.querySelector(".pacer-cue");
  var left = root.querySelector(".pacer-left");
  var start = root.querySelector(".pacer-start");
  var stop = root.querySelector(".pacer-stop");
  var still = window.matchMedia("(prefers-reduced-motion: reduce)");
  var phases = [
    ["in", Number(root.dataset.in), "Breathe in…"],
    ["hold", Number(root.dataset.hold), "Hold…"],
    ["out", Number(root.dataset.out), "Breathe out…"],
  ].filter(function (phase) { return phase[1] > 0; });
  var total = Number(root.dataset.minutes) * 60;
  var timer = null;
  var elapsed = 0;
  var index = 0;

  function moving() { return !still.matches; }

  function rest() {
    circle.classList.remove("pacer-moving");
    circle.removeAttribute("data-phase");
    circle.removeAttribute("data-seconds");
  }

  function remaining() {
    var seconds = Math.max(0, total - elapsed);
    var minutes = Math.floor(seconds / 60);
    var rest = String(seconds % 60).padStart(2, "0");
    left.textContent = minutes + ":" + rest + " left";
  }

  function show(phase) {
    cue.textContent = phase[2];
    if (moving()) {
      circle.classList.add("pacer-moving");
      circle.setAttribute("data-seconds", String(phase[1]));
      circle.setAttribute("data-phase", phase[0]);
    } else {
      rest();
    }
    remaining();
  }

  function step() {
    if (elapsed >= total && index === 0) {
      finish("Done. Notice how you feel now.");
      return;
    }
    var phase = phases[index];
    show(phase);
    elapsed += phase[1];
    index = (index + 1) % phases.length;
    timer = window.setTimeout(step, phase[1] * 1000);
  }

  function finish(words) {
    window.clearTimeout(timer);
    timer = null;
    rest();
    cue.textContent = words;
    left.textContent = "";
    start.hidden = false;
    start.textContent = "Start again";
    stop.hidden = true;
    start.focus();
  }

  start.addEventListener("click", function () {
    elapsed = 0;
    index = 0;
    start.hidden = true;
    stop.hidden = false;
    stop.focus();
    step();
  });
  stop.addEventListener("click", function () { finish("Stopped. You can start again whenever you like."); });
  // If the member turns on reduced motion while it runs, the circle stops at once.
  still.addEventListener("change", function () { if (!moving()) rest(); });

  live.hidden = false;
})();
