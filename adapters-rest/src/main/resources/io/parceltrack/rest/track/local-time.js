// Shows the page's times in the reader's own time zone, labelled with it. Without this script
// (or without Intl) the server's text stays: the same times in UTC, labelled UTC.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  var language = document.documentElement.lang || "en";
  var format = new Intl.DateTimeFormat(language, {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
    hour12: false, timeZoneName: "short"
  });
  var times = document.querySelectorAll("time[datetime]");
  for (var i = 0; i < times.length; i++) {
    var when = new Date(times[i].getAttribute("datetime"));
    if (!isNaN(when.getTime())) {
      times[i].textContent = format.format(when);
    }
  }
  var note = document.getElementById("time-zone-note");
  if (note && note.getAttribute("data-local")) {
    note.textContent = note.getAttribute("data-local").replace("{zone}", zone);
  }
})();
