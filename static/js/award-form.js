// Show only the parameters the chosen kind of criterion uses (all stay visible without JavaScript).
document.querySelectorAll("[data-testid=criterion-form]").forEach(function (fieldset) {
  var kind = fieldset.querySelector("select[name$='-kind']");
  function update() {
    fieldset.querySelectorAll(".param").forEach(function (param) {
      param.hidden = param.dataset.kinds.split(" ").indexOf(kind.value) < 0;
    });
  }
  kind.addEventListener("change", update);
  update();
});
