/* The "Cite" box's copy buttons. They stay hidden where the clipboard cannot be written
   (old browsers, pages not served over https), and the text can still be selected. */
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) { return; }
  var status = document.querySelector(".cite-box__status");
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim() + "\n").then(function () {
        if (status) { status.textContent = status.getAttribute("data-copied"); }
        button.classList.add("is-copied");  // a visible tick where the visitor is looking
        window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
      }, function () {
        if (status) { status.textContent = status.getAttribute("data-failed"); }
      });
    });
  });
})();
