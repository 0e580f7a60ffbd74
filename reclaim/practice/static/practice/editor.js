// The article editor's live preview: a moment after typing stops, the body
// is sent to the server, which renders and cleans it exactly as it will for
// visitors, and the answer is shown under the editor. Nothing is rendered in
// the browser, so the preview can never differ from the page.
// The form works without this file: its "Preview" button does the same.
(function () {
  "use strict";
  var form = document.querySelector("form[data-preview-url]");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var body = form.querySelector("textarea[name=body]");
  var target = document.getElementById(form.dataset.previewTarget);
  if (!body || !target) return;

  var QUIET_MS = 600;
  var timer = null;
  var sent = null;

  function csrfToken() {
    var field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function refresh() {
    timer = null;
    var text = body.value;
    if (text === sent) return;
    sent = text;
    window
      .fetch(form.dataset.previewUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
          "X-CSRFToken": csrfToken(),
        },
        body: new URLSearchParams({ body: text }).toString(),
      })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        // The server's answer is already cleaned by nh3; only the newest one is shown.
        if (html !== null && text === body.value) target.innerHTML = html;
      })
      .catch(function () {
        sent = null;
      });
  }

  body.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, QUIET_MS);
  });
  refresh();
})();
