// The Code's "Print or save as PDF" button: hidden in the HTML, since it needs JavaScript.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
