// Keeps the answers on a questionnaire page when the member leaves it without
// pressing a button: a tap on Today or "Get help now", switching apps, the
// auto-lock. The answers go to the server, sealed like any others; nothing is
// kept in the browser. The page works without this file ("Save for later").
(function () {
  "use strict";
  var form = document.querySelector("form[data-keep-answers]");
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;

  var submitting = false;
  var lastKept = serialize();

  function serialize() {
    var data = new URLSearchParams(new FormData(form));
    data.set("go", "keep");
    return data.toString();
  }

  function keep() {
    // A button on the page sends the answers itself; a late copy could bring
    // back answers in progress for a questionnaire that was just finished.
    if (submitting) return;
    var body = serialize();
    if (body === lastKept) return;
    lastKept = body;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      // The request must outlive the page that is closing.
      keepalive: true,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "X-CSRFToken": token ? token.value : "",
        "X-Requested-With": "fetch"
      }
    }).catch(function () {
      // Nothing to tell: the answers are still on the page if it is open.
      lastKept = "";
    });
  }

  document.addEventListener("submit", function (event) {
    // Quick exit is not "submitting the answers": they are kept on the way out.
    if (event.target && event.target.closest && event.target.closest(".quick-exit-form")) return;
    submitting = true;
  }, true);
  // The auto-lock waits for the answers to arrive before it ends the session.
  document.addEventListener("reclaim:lock", function (event) {
    var keeping = keep();
    if (event.detail && event.detail.waitFor) event.detail.waitFor(keeping);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") keep();
  });
  window.addEventListener("pagehide", keep);
})();
