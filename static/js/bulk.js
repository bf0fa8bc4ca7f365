// The bulk bar (campaigns/_bulk_bar.html): "Chọn tất cả trên trang" ticks or clears every row's checkbox
// (inputs name="ids" bound to the bar's form), and shows itself half-ticked when only some rows are.
(function () {
  var all = document.querySelector("[data-bulk-all]");
  if (!all) { return; }
  var form = all.form || all.closest("form");
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("input[type=checkbox][name=ids][form='" + form.id + "']"));
  }
  function reflect() {
    var ticked = rows().filter(function (box) { return box.checked; }).length;
    all.checked = ticked > 0 && ticked === rows().length;
    all.indeterminate = ticked > 0 && ticked < rows().length;
  }
  all.addEventListener("change", function () {
    rows().forEach(function (box) { box.checked = all.checked; });
    reflect();
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox][name=ids]")) { reflect(); }
  });
  reflect();
})();
