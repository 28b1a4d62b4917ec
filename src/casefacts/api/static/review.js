// Keyboard-driven review (no build step, no dependencies). Shortcuts: see templates/_help.html.
(() => {
  "use strict";
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const page = document.body.dataset.page;
  const help = $("#help");

  const inField = (event) => event.target instanceof Element && event.target.closest("input, textarea, select");
  const showStatus = (message, isError = false) => {
    const box = $("#status");
    box.textContent = message;
    box.className = isError ? "error visible" : "visible";
  };
  const toggleHelp = (show) => { if (help) help.hidden = show === undefined ? !help.hidden : !show; };
  const go = (url) => window.location.assign(url);

  // ---------------------------------------------------------------- queue
  const rows = $$("tr[data-href]");
  let row = 0;
  function selectRow(i) {
    rows.forEach((r) => r.classList.remove("selected"));
    row = Math.max(0, Math.min(rows.length - 1, i));
    rows[row].classList.add("selected");
    rows[row].scrollIntoView({ block: "nearest" });
  }

  function queuePage(key) {
    if (!rows.length) return false;
    if (key === "j") selectRow(row + 1);
    else if (key === "k") selectRow(row - 1);
    else if (key === "Enter" || key === "o") go(rows[row].dataset.href);
    else return false;
    return true;
  }

  // ---------------------------------------------------------------- case
  const caseRoot = $("#case");
  const caseId = caseRoot ? caseRoot.dataset.caseId : null;
  const facts = $$(".fact");
  let current = -1;

  function selectFact(i) {
    if (!facts.length) return;
    facts.forEach((fact) => fact.classList.remove("selected"));
    current = Math.max(0, Math.min(facts.length - 1, i));
    const fact = facts[current];
    fact.classList.add("selected");
    fact.focus({ preventScroll: true });
    fact.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", `?focus=${encodeURIComponent(fact.dataset.factId)}`);
  }

  function centreMarks() {
    $$(".page-text").forEach((box) => {
      const mark = $("mark", box);
      if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    });
  }

  async function review(fact, body) {
    const url = `/ui/cases/${encodeURIComponent(caseId)}/facts/${encodeURIComponent(fact.dataset.factId)}/review`;
    body.expected_version = Number(fact.dataset.version);
    showStatus(`${body.action}…`);
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Casefacts-UI": "1" },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      showStatus(data.detail || data.title || `Error ${response.status}`, true);
      return;
    }
    const focus = data.next_fact_id || fact.dataset.factId;
    go(`/ui/cases/${encodeURIComponent(caseId)}?focus=${encodeURIComponent(focus)}`);
  }

  function openForm(fact, selector) {
    $$("form", fact).forEach((form) => { form.hidden = true; });
    const form = $(selector, fact);
    form.hidden = false;
    const first = $("input, select", form);
    first.focus();
    if (first.select) first.select();
  }

  function closeForms() {
    $$(".fact form").forEach((form) => { form.hidden = true; });
    if (current >= 0) facts[current].focus({ preventScroll: true });
  }

  function partialDate(text) {
    const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
    if (!match) throw new Error(`"${text}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    return { year: Number(match[1]), month: match[2] ? Number(match[2]) : null, day: match[3] ? Number(match[3]) : null };
  }

  function changedValues(form) {
    const values = {};
    let aboutChanged = false;
    $$("[data-initial]", form).forEach((input) => {
      if (input.value === input.dataset.initial) return;
      if (input.name.startsWith("about.")) { aboutChanged = true; return; }
      const text = input.value.trim();
      if (text === "") values[input.name] = null;
      else if (input.dataset.kind === "date") values[input.name] = partialDate(text);
      else if (input.dataset.kind === "json") values[input.name] = JSON.parse(text);
      else values[input.name] = input.value;
    });
    if (aboutChanged) {
      const relation = form.elements["about.relation"].value.trim();
      values.about = { who: form.elements["about.who"].value, relation: relation || null };
    }
    return values;
  }

  function needsReason(form) {
    const reason = form.elements.reason;
    if (reason.value.trim()) return false;
    reason.focus();
    showStatus("Give a reason, then Enter.", true);
    return true;
  }

  function wireForms() {
    $$(".fact").forEach((fact) => {
      const reject = $(".reject-form", fact);
      const edit = $(".edit-form", fact);
      reject.addEventListener("submit", (event) => {
        event.preventDefault();
        if (needsReason(reject)) return;
        review(fact, { action: "reject", reason: reject.elements.reason.value });
      });
      edit.addEventListener("submit", (event) => {
        event.preventDefault();
        let values;
        try { values = changedValues(edit); } catch (error) { showStatus(error.message, true); return; }
        if (!Object.keys(values).length) { showStatus("Nothing changed: press Esc, then a to accept.", true); return; }
        if (needsReason(edit)) return;
        review(fact, { action: "correct", reason: edit.elements.reason.value, new_values: values });
      });
      fact.addEventListener("click", () => selectFact(facts.indexOf(fact)));
    });
  }

  function casePage(key) {
    if (current < 0) return false;
    const fact = facts[current];
    switch (key) {
      case "j": selectFact(current + 1); break;
      case "k": selectFact(current - 1); break;
      case "a": review(fact, { action: "accept" }); break;
      case "r": openForm(fact, ".reject-form"); break;
      case "e": openForm(fact, ".edit-form"); break;
      default: return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- keys
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      toggleHelp(false);
      if (inField(event)) closeForms();
      return;
    }
    if (inField(event)) {
      // Enter submits a review form from any of its fields (selects and multi-field forms too).
      const form = event.target.form;
      if (event.key === "Enter" && form && form.closest(".fact")) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (event.key === "?") { toggleHelp(); event.preventDefault(); return; }
    if (help && !help.hidden) return;
    let handled = false;
    if (page === "queue") handled = queuePage(event.key);
    else if (page === "case") {
      handled = casePage(event.key);
      if (!handled && event.key === "n") { go(`/ui/next?after=${encodeURIComponent(caseId)}`); handled = true; }
      if (!handled && event.key === "l") { go($("#audit-link").href); handled = true; }
    } else if (page === "audit" && event.key === "b") { go($("#back").href); handled = true; }
    if (!handled && event.key === "q" && page !== "login") { go("/ui/queue"); handled = true; }
    if (handled) event.preventDefault();
  });

  if (page === "queue" && rows.length) selectRow(0);
  if (page === "case" && facts.length) {
    wireForms();
    centreMarks();
    const focus = caseRoot.dataset.focus;
    const index = facts.findIndex((fact) => fact.dataset.factId === focus);
    selectFact(index >= 0 ? index : 0);
  }
})();
