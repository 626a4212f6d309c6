// The secretariat tab's only script: signs in with Teams SSO when hosted in Teams, then loads the server-rendered
// views with the token in the Authorization header (no cookie: Teams hosts tabs in third-party iframes). Links and
// forms marked data-fragment / data-fragment-form load their view into data-target the same way.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var lang = params.get("lang") || "";
  var token = null;

  // Outside a frame there is no Teams host: teams-js would wait for one that never answers.
  function inTeamsHost() {
    return window.parent !== window || !!window.opener;
  }

  function withTimeout(promise, ms) {
    return Promise.race([promise, new Promise(function (_, reject) { setTimeout(function () { reject(new Error("timeout")); }, ms); })]);
  }

  async function signIn() {
    if (!window.microsoftTeams || !inTeamsHost()) {
      return;
    }
    try {
      await withTimeout(window.microsoftTeams.app.initialize(), 5000);
      var context = await window.microsoftTeams.app.getContext();
      lang = lang || (context.app && context.app.locale) || "";
      token = await window.microsoftTeams.authentication.getAuthToken();
    } catch (e) {
      token = null; // the server answers 401 with a message saying to open the tab from Teams again
    }
  }

  // body: FormData to POST (an action), or nothing to GET (a view).
  async function load(path, targetSelector, body) {
    var target = document.querySelector(targetSelector);
    var url = new URL(path, window.location.origin);
    if (lang) {
      url.searchParams.set("lang", lang);
    }
    var headers = token ? { Authorization: "Bearer " + token } : {};
    target.setAttribute("aria-busy", "true");
    var response = await fetch(url.toString(), { method: body ? "POST" : "GET", body: body, headers: headers, credentials: "omit" });
    // The fragment is rendered (and HTML-encoded) by the server's Razor components.
    target.innerHTML = await response.text();
    target.setAttribute("data-status", String(response.status));
    target.removeAttribute("aria-busy");
  }

  // A file (the export): fetched with the token like a view, then saved under the server's file name.
  async function download(path) {
    var url = new URL(path, window.location.origin);
    if (lang) {
      url.searchParams.set("lang", lang);
    }
    var response = await fetch(url.toString(), { headers: token ? { Authorization: "Bearer " + token } : {}, credentials: "omit" });
    if (!response.ok) {
      document.querySelector("#view").insertAdjacentHTML("afterbegin", await response.text());
      return;
    }
    var disposition = response.headers.get("Content-Disposition") || "";
    var match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = match ? decodeURIComponent(match[1]) : "export.xlsx";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  document.addEventListener("click", function (event) {
    var file = event.target.closest("a[data-download]");
    if (file) {
      event.preventDefault();
      download(file.getAttribute("data-download"));
      return;
    }
    var link = event.target.closest("a[data-fragment]");
    if (link) {
      event.preventDefault();
      load(link.getAttribute("data-fragment"), link.getAttribute("data-target"));
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-fragment-form]");
    if (form) {
      event.preventDefault();
      var action = form.getAttribute("data-fragment-form");
      if (form.getAttribute("data-method") === "post") {
        // data-include: another form's fields go along (the import's confirmation re-sends the checked files).
        var body = new FormData(form);
        var include = form.getAttribute("data-include");
        if (include) {
          new FormData(document.querySelector(include)).forEach(function (value, name) { body.append(name, value); });
        }
        load(action, form.getAttribute("data-target"), body);
      } else {
        load(action + "?" + new URLSearchParams(new FormData(form)).toString(), form.getAttribute("data-target"));
      }
    }
  });

  signIn().then(function () { return load("/tab/api/dashboard", "#view"); });
})();
