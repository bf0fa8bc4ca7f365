// "Thêm dòng" for a Django formset: a <template data-formset-empty="PREFIX"> holds the empty form's row with
// __prefix__ in its names; a button with data-formset-add="PREFIX" appends a copy numbered after the last one
// and moves TOTAL_FORMS on, so a table of any length is entered in one save. Without JavaScript the form
// still offers its empty rows and, after each save, new ones.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-formset-add]");
  if (!button) { return; }
  event.preventDefault();
  var prefix = button.dataset.formsetAdd;
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var template = document.querySelector("template[data-formset-empty='" + prefix + "']");
  var body = document.querySelector("[data-formset-body='" + prefix + "']");
  if (!total || !template || !body) { return; }
  var index = parseInt(total.value, 10);
  var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
  body.insertAdjacentHTML("beforeend", html);
  total.value = String(index + 1);
  var first = body.lastElementChild && body.lastElementChild.querySelector("input:not([type=hidden])");
  if (first) { first.focus(); }
});
