// The event page is cached for everyone; its seat count comes fresh from seats.json (public,
// cached for 5 s), on load and every 6 s while the page is in view: a reader sees a change
// within about 11 s, and most of these requests are answered from a cache.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector("[data-seats-url]");
  if (!box || !window.fetch) { return; }
  // The count beside the Register button at the top and in the key facts.
  var seats = document.querySelectorAll("[data-seats]");
  function update() {
    fetch(box.getAttribute("data-seats-url"), {credentials: "omit"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        seats.forEach(function (element) {
          if (element.textContent !== data.text) { element.textContent = data.text; }
        });
        if (!data.accepting) {
          document.querySelectorAll(".event-registration__link, .event-registration__deadline")
            .forEach(function (element) { element.hidden = true; });
        }
      })
      .catch(function () {});
  }
  update();
  setInterval(function () { if (!document.hidden) { update(); } }, 6000);
});
