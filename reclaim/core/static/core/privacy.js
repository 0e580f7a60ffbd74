// Quick exit, auto-lock and the Back button: the privacy shell of every page.
// The page works without this file (the exit button is a plain form and the
// server locks idle sessions); with it, leaving is instant and leaves no trace.
(function () {
  "use strict";
  var body = document.body;
  var exitUrl = body.dataset.exitUrl;
  var exitEndpoint = body.dataset.exitEndpoint;
  var leaving = false;

  function quickExit(event) {
    if (event) event.preventDefault();
    if (leaving) return;
    leaving = true;
    document.documentElement.classList.add("exiting");
    document.title = "";
    // Replace, so this page is not the entry Back returns to.
    var go = function () { window.location.replace(exitUrl); };
    // The page is already blank; leave as soon as the server has ended the
    // session (so Back can never show a signed-in page), and in any case
    // within a moment, even if the server does not answer.
    var fallback = window.setTimeout(go, 500);
    var done = function () { window.clearTimeout(fallback); go(); };
    try {
      fetch(exitEndpoint + "?beacon=1", {
        method: "POST", keepalive: true, credentials: "same-origin",
        headers: { "X-Quick-Exit": "beacon" }
      }).then(done, done);
    } catch (e) {
      // Leaving matters more than telling the server: send what we can and go.
      if (navigator.sendBeacon) navigator.sendBeacon(exitEndpoint + "?beacon=1");
      done();
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-quick-exit]");
    if (target) quickExit(event);
  });

  // Shift pressed three times within a second and a half, on its own. Shift
  // used with another key (capital letters, Shift+Tab to go back through a
  // form) is writing or moving, and must never end the member's session.
  var shiftTimes = [];
  var shiftAlone = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    shiftAlone = false;
    shiftTimes = [];
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (t) { return now - t < 1500; });
    shiftTimes.push(now);
    if (shiftTimes.length >= 3) quickExit();
  });

  // A page restored from the back/forward cache must not show anything.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.documentElement.classList.add("exiting");
      window.location.reload();
    }
  });

  // Auto-lock after the member's chosen idle time.
  var lockSeconds = parseInt(body.dataset.autolockSeconds || "0", 10);
  if (lockSeconds > 0) {
    var lastActive = Date.now();
    var lastBeat = Date.now();
    var heartbeatUrl = body.dataset.heartbeatUrl;
    var csrf = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1];
    var markActive = function () {
      lastActive = Date.now();
      // Tell the server now and then, so it knows the member is still here.
      if (lastActive - lastBeat > 60000 && heartbeatUrl) {
        lastBeat = lastActive;
        var headers = { "X-Requested-With": "fetch" };
        var token = document.querySelector("input[name=csrfmiddlewaretoken]");
        if (token) headers["X-CSRFToken"] = token.value;
        else if (csrf) headers["X-CSRFToken"] = csrf;
        // "manual": if the server has locked the session, its answer is a
        // redirect to the sign-in page, which must not be loaded in the
        // background (that would use up the message it shows).
        fetch(heartbeatUrl, {
          method: "POST", headers: headers, credentials: "same-origin", redirect: "manual"
        });
      }
    };
    ["keydown", "pointerdown", "scroll", "input"].forEach(function (name) {
      document.addEventListener(name, markActive, { passive: true, capture: true });
    });
    var lockForm = document.getElementById("lock-form");
    var locking = false;
    var lock = function () {
      locking = true;
      // Forms keep what was typed (journal drafts, questionnaires listen for
      // this) and hand back their request, so the lock waits for them: the
      // sign-in page can then say the words were kept, and a late save never
      // arrives after the session has ended.
      var saving = [];
      document.dispatchEvent(new CustomEvent("reclaim:lock", {
        detail: { waitFor: function (promise) { if (promise) saving.push(promise); } }
      }));
      document.documentElement.classList.add("exiting");
      var done = false;
      var leave = function () {
        if (done) return;
        done = true;
        if (!window.fetch) { lockForm.submit(); return; }
        var token = lockForm.querySelector("input[name=csrfmiddlewaretoken]");
        // A POST with the page's token: no other site can sign the member out.
        // Then replace this page, so Back does not return to it.
        var go = function () { window.location.replace(body.dataset.loginUrl); };
        fetch(lockForm.action, {
          method: "POST", credentials: "same-origin", redirect: "manual",
          headers: { "X-CSRFToken": token ? token.value : "" }
        }).then(go, go);
      };
      // Never wait long: privacy comes first.
      window.setTimeout(leave, 3000);
      if (window.Promise) {
        Promise.all(saving.map(function (p) { return p.catch(function () {}); })).then(leave);
      } else {
        window.setTimeout(leave, 300);
      }
    };
    window.setInterval(function () {
      if (!locking && lockForm && Date.now() - lastActive >= lockSeconds * 1000) lock();
    }, 5000);
  }

  // Scale sliders show their number next to the label.
  document.querySelectorAll("input[type=range][data-output]").forEach(function (input) {
    var out = document.getElementById(input.dataset.output);
    if (!out) return;
    var update = function () { out.textContent = input.value; };
    input.addEventListener("input", update);
    update();
  });
})();
