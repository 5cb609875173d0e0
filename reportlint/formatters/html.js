// The page's behaviour: filters, the tooltip on highlights, jumping from the
// panel to a highlight. What is known about each diagnostic is read from its
// entry in the panel; text is only ever set through textContent, never as markup.
"use strict";
(() => {
  const RANK = { info: 0, warning: 1, error: 2 };
  const NAMES = { error: "错误", warning: "警告", info: "提示" };
  const filters = document.getElementById("filters");
  const tip = document.getElementById("tip");

  const diagnostics = new Map();
  for (const entry of document.querySelectorAll('.view[data-view="section"] a.entry')) {
    const location = entry.querySelector(".location");
    diagnostics.set(entry.dataset.d, {
      severity: entry.dataset.sev,
      rule: entry.dataset.rule,
      message: entry.querySelector(".msg").textContent,
      location: location ? location.textContent : "",
      shown: true,
    });
  }

  function checkedValues(name) {
    return new Set([...filters.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value));
  }

  function shownAt(mark) {
    return mark.dataset.d.split(" ").map((number) => diagnostics.get(number)).filter((d) => d.shown);
  }

  // A highlight takes the colour of the most serious diagnostic still shown
  // over it, and is plain text when none is.
  function paint(mark) {
    const shown = shownAt(mark);
    mark.classList.toggle("hl", shown.length > 0);
    mark.classList.toggle("multi", shown.length > 1);
    mark.tabIndex = shown.length ? 0 : -1;
    if (shown.length) {
      mark.dataset.sev = shown.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a)).severity;
    }
  }

  function applyFilters() {
    const severities = checkedValues("severity");
    const rules = checkedValues("rule");
    for (const d of diagnostics.values()) d.shown = severities.has(d.severity) && rules.has(d.rule);
    for (const entry of document.querySelectorAll("a.entry")) {
      entry.parentElement.hidden = !diagnostics.get(entry.dataset.d).shown;
    }
    for (const group of document.querySelectorAll(".group")) {
      group.hidden = !group.querySelector("li:not([hidden])");
    }
    for (const mark of document.querySelectorAll(".doc mark")) paint(mark);
    hideTip();
  }

  function span(className, text) {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    return span;
  }

  function showTip(mark) {
    const shown = shownAt(mark);
    if (!shown.length) return hideTip();
    shown.sort((a, b) => RANK[b.severity] - RANK[a.severity]);
    tip.replaceChildren(...shown.map((d) => {
      const paragraph = document.createElement("p");
      const badge = span("badge", NAMES[d.severity]);
      badge.dataset.sev = d.severity;
      paragraph.append(badge, d.message);
      if (d.location) paragraph.append(span("rule", d.location));
      paragraph.append(span("rule", d.rule));
      return paragraph;
    }));
    tip.hidden = false;
    mark.setAttribute("aria-describedby", "tip");
    const box = mark.getClientRects()[0] || mark.getBoundingClientRect();
    const widest = window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8;
    tip.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, widest))}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  }

  function hideTip() {
    tip.hidden = true;
  }

  // Scroll an entry's highlight to the middle of the window and outline both.
  function reveal(entry) {
    const marks = document.querySelectorAll(`.doc mark[data-d~="${entry.dataset.d}"]`);
    if (!marks.length) return;
    for (const old of document.querySelectorAll(".current")) old.classList.remove("current");
    for (const element of [entry, ...marks]) element.classList.add("current");
    marks[0].scrollIntoView({ block: "center" });
    marks[0].focus({ preventScroll: true });
  }

  document.addEventListener("click", (event) => {
    const entry = event.target.closest("a.entry");
    if (!entry) return;
    event.preventDefault();
    reveal(entry);
  });
  document.addEventListener("mouseover", (event) => {
    const mark = event.target.closest(".doc mark.hl");
    if (mark) showTip(mark);
  });
  document.addEventListener("mouseout", (event) => {
    const mark = event.target.closest(".doc mark");
    if (mark && !mark.contains(event.relatedTarget) && document.activeElement !== mark) hideTip();
  });
  document.addEventListener("focusin", (event) => {
    if (event.target.matches(".doc mark.hl")) showTip(event.target);
  });
  document.addEventListener("focusout", hideTip);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideTip();
  });
  filters.addEventListener("change", applyFilters);

  for (const panel of document.querySelectorAll(".panel")) {
    const buttons = panel.querySelectorAll(".views button");
    const choose = (name) => {
      for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.view === name));
      for (const view of panel.querySelectorAll(".view")) view.hidden = view.dataset.view !== name;
    };
    for (const button of buttons) button.addEventListener("click", () => choose(button.dataset.view));
    choose("section");
  }

  // The sticky toolbar's height, so that the panel and jumps clear it.
  const measureToolbar = () => document.documentElement.style.setProperty("--toolbar", `${filters.offsetHeight}px`);
  window.addEventListener("resize", measureToolbar);
  measureToolbar();
  // A reloaded page keeps its checkboxes' states: show what they say.
  applyFilters();
})();
