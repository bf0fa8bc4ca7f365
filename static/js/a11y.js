// A table that scrolls in its own box can be scrolled from the keyboard: the box takes the focus (WCAG 2.1.1).
document.querySelectorAll(".table-responsive").forEach(function (box) {
  if (!box.hasAttribute("tabindex")) { box.tabIndex = 0; }
});
