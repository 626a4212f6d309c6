// The configurable tab's settings page: tells Teams the dashboard's URL (Teams fills {locale}) and that saving is allowed.
(function () {
  "use strict";
  if (!window.microsoftTeams) {
    return;
  }
  var teams = window.microsoftTeams;
  teams.app.initialize().then(function () {
    teams.pages.config.registerOnSaveHandler(function (saveEvent) {
      var origin = window.location.origin;
      teams.pages.config.setConfig({
        entityId: "dashboard",
        contentUrl: origin + "/tab?lang={locale}",
        websiteUrl: origin + "/tab",
        suggestedDisplayName: document.body.getAttribute("data-tab-name") || "Dashboard"
      }).then(function () { saveEvent.notifySuccess(); }, function (e) { saveEvent.notifyFailure(String(e)); });
    });
    teams.pages.config.setValidityState(true);
  });
})();
