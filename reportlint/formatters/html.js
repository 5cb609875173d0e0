// The page's behaviour: filters and search, the tooltip on highlights, jumping
// from the panel to a highlight (by click, or j/k and n/p), "done" ticks kept
// in the browser, copying a suggestion, sorting the index of reports. What is
// known about each diagnostic is read from its entry in the panel; text is
// only ever set through textContent, never as markup.
"use strict";
(() => {
  const RANK = { info: 0, warning: 1, error: 2 };
  const NAMES = { error: "错误", warning: "警告", info: "提示" };
  const filters = document.getElementById("filters");
  const search = filters.querySelector('input[name="search"]');
  const tip = document.getElementById("tip");
  const inSectionView = '.view[data-view="section"] a.entry';

  // The text under each diagnostic's highlights, read in one pass over them.
  const highlighted = new Map();
  for (const mark of document.querySelectorAll(".doc mark")) {
    for (const number of mark.dataset.d.split(" ")) highlighted.set(number, `${highlighted.get(number) || ""}${mark.textContent}\n`);
  }

  const diagnostics = new Map();
  for (const entry of document.querySelectorAll(inSectionView)) {
    const location = entry.querySelector(".location");
    const item = entry.parentElement;
    const suggestion = item.querySelector(".suggestion q");
    diagnostics.set(entry.dataset.d, {
      severity: entry.dataset.sev,
      rule: entry.dataset.rule,
      message: entry.querySelector(".msg").textContent,
      location: location ? location.textContent : "",
      tick: item.querySelector("input[data-tick]").dataset.tick,
      file: entry.closest("section.file"),
      // What the search box looks in: the message, rule, place, suggestion and the text pointed at.
      searched: [entry.textContent, suggestion ? suggestion.textContent : "", highlighted.get(entry.dataset.d) || ""]
        .join("\n").toLowerCase(),
      done: false,
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
  // over it, is plain text when none is, and fades when all of them are done.
  function paint(mark) {
    const shown = shownAt(mark);
    mark.classList.toggle("hl", shown.length > 0);
    mark.classList.toggle("multi", shown.length > 1);
    mark.classList.toggle("done", shown.length > 0 && shown.every((d) => d.done));
    mark.tabIndex = shown.length ? 0 : -1;
    if (shown.length) {
      mark.dataset.sev = shown.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a)).severity;
    }
  }

  function applyFilters() {
    const severities = checkedValues("severity");
    const rules = checkedValues("rule");
    const hideDone = filters.querySelector('input[name="hide-done"]').checked;
    const query = search.value.trim().toLowerCase();
    for (const d of diagnostics.values()) {
      d.shown = severities.has(d.severity) && rules.has(d.rule) && !(hideDone && d.done) && d.searched.includes(query);
    }
    for (const entry of document.querySelectorAll("a.entry")) {
      const d = diagnostics.get(entry.dataset.d);
      entry.parentElement.hidden = !d.shown;
      entry.parentElement.classList.toggle("done", d.done);
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

  // The diagnostic the editor is at: scroll its highlight to the middle of the
  // window, outline it and its entries, and bring its entry into the panel.
  let current = null;
  function reveal(number) {
    const marks = document.querySelectorAll(`.doc mark[data-d~="${number}"]`);
    if (!marks.length) return;
    current = number;
    for (const old of document.querySelectorAll(".current")) old.classList.remove("current");
    const entries = document.querySelectorAll(`a.entry[data-d="${number}"]`);
    for (const element of [...entries, ...marks]) element.classList.add("current");
    const listed = [...entries].find((entry) => entry.offsetParent !== null);
    if (listed) listed.scrollIntoView({ block: "nearest" });
    marks[0].scrollIntoView({ block: "center" });
    marks[0].focus({ preventScroll: true });
  }

  // j/n: the next problem shown, k/p: the previous one, in the order of the text.
  function step(by) {
    const shown = [...document.querySelectorAll(inSectionView)].filter((entry) => diagnostics.get(entry.dataset.d).shown);
    if (!shown.length) return;
    const at = shown.findIndex((entry) => entry.dataset.d === current);
    const next = at === -1 ? (by > 0 ? 0 : shown.length - 1) : Math.min(shown.length - 1, Math.max(0, at + by));
    reveal(shown[next].dataset.d);
  }

  // "Done" ticks, kept in the browser's local storage under the hash of the
  // file's text, so that they come back when the same draft's page is opened
  // again. Without storage (a locked-down browser) they last as long as the page.
  function storageKey(file) {
    return `reportlint:done:${file.dataset.content}`;
  }

  function storedTicks(file) {
    try {
      return new Set(JSON.parse(localStorage.getItem(storageKey(file)) || "[]"));
    } catch {
      return new Set();
    }
  }

  function tick(file, key, done) {
    const ticks = storedTicks(file);
    if (done) ticks.add(key);
    else ticks.delete(key);
    try {
      localStorage.setItem(storageKey(file), JSON.stringify([...ticks]));
    } catch {
      // no storage: the tick stays on this page only
    }
    showTicks(file, ticks);
  }

  function showTicks(file, ticks) {
    for (const d of diagnostics.values()) if (d.file === file) d.done = ticks.has(d.tick);
    for (const box of file.querySelectorAll("input[data-tick]")) box.checked = ticks.has(box.dataset.tick);
    const count = file.querySelector(".ticked .n");
    if (count) count.textContent = String([...diagnostics.values()].filter((d) => d.file === file && d.done).length);
  }

  async function copy(button) {
    const text = button.dataset.copy;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard API (an older browser, a page it does not trust): select and copy.
      const area = document.createElement("textarea");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    button.textContent = "已复制";
    setTimeout(() => { button.textContent = "复制"; }, 1500);
  }

  function compareCells(a, b) {
    if (a === b) return 0;
    if (a === "") return 1;
    if (b === "") return -1;
    const x = Number(a);
    const y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? a.localeCompare(b, "zh-CN") : x - y;
  }

  // The index of reports: a click on a column's header sorts by it, again reverses.
  for (const table of document.querySelectorAll("table.sortable")) {
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((header, column) => {
      header.querySelector("button").addEventListener("click", () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        for (const other of headers) other.setAttribute("aria-sort", "none");
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const value = (row) => row.cells[column].dataset.sort;
        const rows = [...body.rows].sort((a, b) => compareCells(value(a), value(b)) * (ascending ? 1 : -1));
        body.append(...rows);
      });
    });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.copy");
    if (button) return void copy(button);
    const entry = event.target.closest("a.entry");
    if (!entry) return;
    event.preventDefault();
    reveal(entry.dataset.d);
  });
  document.addEventListener("change", (event) => {
    const box = event.target.closest("input[data-tick]");
    if (!box) return;
    tick(box.closest("section.file"), box.dataset.tick, box.checked);
    applyFilters();
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
    if (event.key === "Escape") return void hideTip();
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.matches('input[type="search"], textarea')) return;
    const by = { j: 1, n: 1, k: -1, p: -1 }[event.key];
    if (!by) return;
    event.preventDefault();
    step(by);
  });
  filters.addEventListener("change", applyFilters);
  search.addEventListener("input", applyFilters);
  filters.addEventListener("submit", (event) => event.preventDefault());

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
  for (const file of document.querySelectorAll("section.file")) showTicks(file, storedTicks(file));
  // A reloaded page keeps its checkboxes' states and search: show what they say.
  applyFilters();
})();
