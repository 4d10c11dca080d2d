/* lintlaw HTML report: filters by severity, rule and basis. Reading needs no script; filtering does. */
(function () {
  "use strict";
  // On paper each rule's explanation is shown once, in the rules section: open those before printing.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.rule-body, details.redline-box").forEach(function (d) { d.open = true; });
  });
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var flagged = Array.prototype.slice.call(document.querySelectorAll("[data-f]"));
  var bars = Array.prototype.slice.call(document.querySelectorAll("ol.chart a.bar"));
  var shown = document.getElementById("shown");

  function checked(name) {
    var set = {};
    form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) { set[box.value] = true; });
    return set;
  }

  function apply() {
    var severity = checked("severity"), rule = checked("rule"), stance = checked("stance");
    var visible = {}, count = 0;
    findings.forEach(function (card) {
      var on = !!(severity[card.dataset.severity] && rule[card.dataset.rule] && stance[card.dataset.stance]);
      card.hidden = !on;
      if (on) { visible[card.id] = true; count += 1; }
    });
    flagged.forEach(function (el) {
      var on = el.dataset.f.split(" ").some(function (id) { return visible[id]; });
      el.classList.toggle("off", !on);
    });
    bars.forEach(function (bar) { bar.classList.toggle("off", !rule[bar.dataset.rule]); });
    document.querySelectorAll("section.document").forEach(function (doc) {
      var counter = doc.querySelector(".doc-count");
      if (counter) {
        var n = doc.querySelectorAll("article.finding:not([hidden])").length;
        counter.textContent = n + (n === 1 ? " finding shown" : " findings shown");
      }
    });
    shown.textContent = count + " of " + findings.length + " findings shown";
  }

  form.addEventListener("change", apply);
  form.querySelectorAll("button[data-group]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var on = button.dataset.set === "all";
      form.querySelectorAll('input[name="' + button.dataset.group + '"]').forEach(function (box) { box.checked = on; });
      apply();
    });
  });
  bars.forEach(function (bar) {
    bar.addEventListener("click", function () {
      form.querySelectorAll('input[name="rule"]').forEach(function (box) { box.checked = box.value === bar.dataset.rule; });
      apply();
    });
  });
  apply();
})();
