// A form with data-confirm="question" asks before it is sent (no inline handlers: the CSP forbids them).
document.addEventListener("submit", function (event) {
  var question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) { event.preventDefault(); }
});
