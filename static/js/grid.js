// The results grid (campaigns/results_grid.html): each cell is an <input data-row data-col> inside a table
// marked data-grid. Arrow keys move between cells (left and right only from the text's ends or when the
// whole text is selected, so a typed number can still be edited), Enter moves down (Shift+Enter up) instead of sending the form, and pasting
// a block copied from Excel (tab-separated columns, one line per row) fills the cells from the focused
// one rightwards and downwards, skipping read-only cells and cells the unit does not have. Without
// JavaScript the grid is a plain form.
(function () {
  var grid = document.querySelector("[data-grid]");
  if (!grid) { return; }

  function cellAt(row, col) {
    return grid.querySelector("input[data-row='" + row + "'][data-col='" + col + "']");
  }

  function position(input) {
    return {row: parseInt(input.dataset.row, 10), col: parseInt(input.dataset.col, 10)};
  }

  function last(attribute) {
    var highest = 0;
    grid.querySelectorAll("input[" + attribute + "]").forEach(function (input) {
      highest = Math.max(highest, parseInt(input.getAttribute(attribute), 10));
    });
    return highest;
  }

  // The next cell in a direction, passing over the columns a unit does not have.
  function next(from, dRow, dCol) {
    var row = from.row + dRow, col = from.col + dCol, rows = last("data-row"), cols = last("data-col");
    while (row >= 0 && row <= rows && col >= 0 && col <= cols) {
      var found = cellAt(row, col);
      if (found) { return found; }
      row += dRow; col += dCol;
    }
    return null;
  }

  function move(target) {
    if (!target) { return; }
    target.focus();
    target.select();
  }

  grid.addEventListener("keydown", function (event) {
    var input = event.target.closest("input[data-row]");
    if (!input || event.altKey || event.ctrlKey || event.metaKey) { return; }
    // A cell just arrived at has all its text selected: the arrows move on, as in a spreadsheet.
    var start = input.selectionStart, end = input.selectionEnd, length = input.value.length,
        whole = start === 0 && end === length;
    var at = position(input), atStart = whole || end === 0, atEnd = whole || start === length;
    var moves = {ArrowUp: [-1, 0], ArrowDown: [1, 0], Enter: event.shiftKey ? [-1, 0] : [1, 0]};
    if (atStart || input.readOnly) { moves.ArrowLeft = [0, -1]; }
    if (atEnd || input.readOnly) { moves.ArrowRight = [0, 1]; }
    var step = moves[event.key];
    if (!step) { return; }
    event.preventDefault();
    move(next(at, step[0], step[1]));
  });

  grid.addEventListener("paste", function (event) {
    var input = event.target.closest("input[data-row]");
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (!input || !/[\t\n]/.test(text)) { return; }  // one value: the browser pastes it as usual
    event.preventDefault();
    var at = position(input), lines = text.replace(/\r/g, "").replace(/\n+$/, "").split("\n");
    lines.forEach(function (line, down) {
      line.split("\t").forEach(function (value, across) {
        var target = cellAt(at.row + down, at.col + across);
        if (target && !target.readOnly) {
          target.value = value.trim();
          target.dispatchEvent(new Event("input", {bubbles: true}));
        }
      });
    });
  });
})();
