// After a failed submit, move focus to the error summary so screen readers announce it
// and keyboard users start from the list of links to each field.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
});
