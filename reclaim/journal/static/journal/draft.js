// Keeps what the member is writing as a draft on the server, so nothing
// typed is lost: not to a closed tab, a dead battery or the auto-lock.
// Drafts are sealed on the server; nothing is kept in the browser's storage.
// The form works without this file; it only adds the autosave.
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-url]");
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;

  var url = form.dataset.draftUrl;
  var status = document.getElementById(form.dataset.draftStatus || "draft-status");
  var QUIET_MS = 2000; // save this long after typing stops
  var MAX_WAIT_MS = 15000; // and at least this often while typing goes on
  // Browsers refuse keepalive requests over 64 KiB; longer drafts go as
  // ordinary requests, which still finish unless the page is closing.
  var KEEPALIVE_LIMIT = 60000;

  var quietTimer = null;
  var dirtySince = 0;
  var submitting = false;
  var lastSaved = serialize();

  function serialize() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  function csrfToken() {
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function clock() {
    return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function save() {
    window.clearTimeout(quietTimer);
    quietTimer = null;
    // Once the member presses Save, the entry itself is on its way; a late
    // draft would only bring back words they have just saved.
    if (submitting) return;
    var body = serialize();
    if (body === lastSaved) {
      dirtySince = 0;
      return;
    }
    dirtySince = 0;
    var options = {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "X-CSRFToken": csrfToken(),
        "X-Requested-With": "fetch"
      }
    };
    if (body.length < KEEPALIVE_LIMIT) options.keepalive = true;
    var sent = body;
    return fetch(url, options).then(function (response) {
      if (response.status === 204) {
        lastSaved = sent;
        say("Draft saved " + clock());
      } else if (response.status === 413) {
        // Kept, but only as much as one entry can hold.
        lastSaved = sent;
        say("This is more than one entry can hold, so the draft keeps the first part. " +
            "All your words are still here; you could save part now and the rest as a new entry.");
      } else {
        say("The draft could not be saved just now. Your words are still here.");
      }
    }).catch(function () {
      say("The draft could not be saved just now. Your words are still here.");
    });
  }

  function changed() {
    if (submitting) return;
    var now = Date.now();
    if (!dirtySince) dirtySince = now;
    window.clearTimeout(quietTimer);
    if (now - dirtySince >= MAX_WAIT_MS) {
      save();
    } else {
      quietTimer = window.setTimeout(save, QUIET_MS);
    }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // Any form sent from this page ends the autosave: Save sends the words
  // themselves, and Discard means the member wants the draft gone.
  document.addEventListener("submit", function (event) {
    if (event.target && event.target.closest && event.target.closest(".quick-exit-form")) return;
    submitting = true;
    window.clearTimeout(quietTimer);
  }, true);

  // The privacy shell announces the auto-lock just before it leaves the page.
  // It waits for this save before it ends the session.
  document.addEventListener("reclaim:lock", function (event) {
    var saving = save();
    if (event.detail && event.detail.waitFor) event.detail.waitFor(saving);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") save();
  });
  window.addEventListener("pagehide", save);
})();
