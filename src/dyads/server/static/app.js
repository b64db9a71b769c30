// The dyads page: one table per view, filled from the REST API; a row opens its document,
// with the event's sentence, trigger, actors and recipients marked at their character spans.
"use strict";

const VIEWS = {
  events: {
    url: "/api/events", params: ["actor", "type", "status"],
    columns: ["event", "mode", "status", "date", "actors", "recipients", "trigger", "confidence", "sentence"],
  },
  relations: {
    url: "/api/relations", params: ["actor", "recipient", "status", "by", "interval"],
    columns: ["period", "actor", "recipient", "events", "cooperation", "conflict", "score", "types"],
  },
  actors: {
    url: "/api/actors", params: ["actor:name", "country"],
    columns: ["name", "kind", "code", "mentions", "documents", "variants"],
  },
  quotes: {
    url: "/api/quotes", params: ["actor"],
    columns: ["speaker", "code", "kind", "cue", "text"],
  },
  stories: {
    url: "/api/stories", params: [],
    columns: ["story_id", "documents", "sources", "first_date", "last_date", "title"],
  },
  documents: {
    url: "/api/documents", params: [],
    columns: ["published", "published_basis", "title", "source", "events", "story_id", "duplicate_of"],
  },
};

let current = "events";

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function queryString(view) {
  const form = document.getElementById("filters");
  const query = new URLSearchParams();
  for (const spec of VIEWS[view].params) {
    const [field, param] = spec.split(":");
    const value = form.elements[field].value.trim();
    if (value) query.set(param || field, value);
  }
  return query.toString();
}

function showFilters(view) {
  for (const label of document.querySelectorAll("#filters label")) {
    label.hidden = !label.dataset.for.split(" ").includes(view);
  }
}

function fillTable(table, columns, rows, onClick) {
  const head = table.querySelector("thead");
  const body = table.querySelector("tbody");
  head.replaceChildren();
  body.replaceChildren();
  const headRow = el("tr");
  for (const column of columns) headRow.append(el("th", {}, column));
  head.append(headRow);
  for (const row of rows) {
    const tr = el("tr");
    for (const column of columns) {
      let value = row[column];
      if (typeof value === "number" && !Number.isInteger(value)) value = value.toFixed(2);
      tr.append(el("td", { "data-column": column }, value ?? ""));
    }
    if (onClick) {
      tr.classList.add("clickable");
      tr.addEventListener("click", () => onClick(row));
    }
    body.append(tr);
  }
}

// Each request for a view or a document takes a ticket; a response that arrives after a newer request is
// dropped, so clicking a tab and submitting the filters at once cannot leave the older table on screen.
let latestShow = 0;

async function show(view) {
  const ticket = ++latestShow;
  current = view;
  for (const button of document.querySelectorAll("#tabs button")) {
    button.classList.toggle("active", button.dataset.view === view);
  }
  showFilters(view);
  document.getElementById("document").hidden = true;
  document.getElementById("results").hidden = false;
  const message = document.getElementById("message");
  message.textContent = "Loading…";
  try {
    const rows = await getJSON(`${VIEWS[view].url}?${queryString(view)}`);
    if (ticket !== latestShow) return;
    const opens = rows.length && rows[0].doc_id ? (row) => openDocument(row.doc_id, row.event_id) : null;
    fillTable(document.getElementById("results"), VIEWS[view].columns, rows, opens);
    message.textContent = `${rows.length} ${view}` + (rows.length ? "" : " found");
  } catch (error) {
    if (ticket === latestShow) message.textContent = `Error: ${error.message}`;
  }
}

// Split the text at every mark boundary; each piece carries the classes of the marks covering it.
function markedText(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const mark of marks) { cuts.add(mark.start); cuts.add(mark.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const container = el("div");
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= start && end <= m.end);
    const piece = text.slice(start, end);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const span = el("span", { "data-start": start, "data-end": end }, piece);
    for (const mark of covering) span.classList.add(mark.kind);
    const titled = covering.find((m) => m.title);
    if (titled) span.title = titled.title;
    container.append(span);
  }
  return container;
}

function eventMarks(event) {
  const marks = [
    { start: event.sentence_start, end: event.sentence_end, kind: "sentence" },
    { start: event.trigger_start, end: event.trigger_end, kind: "trigger", title: `${event.event} (${event.status})` },
  ];
  for (const p of event.actors || []) marks.push({ start: p.start, end: p.end, kind: "actor", title: p.code || "" });
  for (const p of event.recipients || []) marks.push({ start: p.start, end: p.end, kind: "recipient", title: p.code || "" });
  return marks;
}

async function openDocument(docId, eventId) {
  const ticket = ++latestShow;
  const message = document.getElementById("message");
  try {
    const doc = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
    if (ticket !== latestShow) return;
    const selected = doc.events.find((e) => e.event_id === eventId);
    const marks = (doc.removed || []).map((r) => ({ start: r.start, end: r.end, kind: "removed", title: r.kind }));
    if (selected) marks.push(...eventMarks(selected));
    document.getElementById("document-title").textContent = doc.title || doc.source;
    const dated = doc.published ? `published ${doc.published} (${doc.published_basis})`
      : (doc.published_range ? `published between ${doc.published_range.map((d) => d || "?").join(" and ")}` : "date unknown");
    document.getElementById("document-meta").textContent =
      `${doc.source} · ${dated} · ${doc.events.length} events · story ${doc.story_id || "none"}`;
    const text = document.getElementById("document-text");
    text.replaceChildren(markedText(doc.text, marks));
    const rows = doc.events.map((e) => ({
      ...e,
      actors: (e.actors || []).map((p) => `${p.code || "?"}:${p.text}`).join("; "),
      recipients: (e.recipients || []).map((p) => `${p.code || "?"}:${p.text}`).join("; "),
    }));
    fillTable(document.getElementById("document-events"),
      ["event", "status", "date", "trigger_text", "actors", "recipients", "confidence"], rows,
      (row) => openDocument(docId, row.event_id));
    document.getElementById("results").hidden = true;
    document.getElementById("document").hidden = false;
    message.textContent = "";
    const sentence = text.querySelector(".sentence");
    if (sentence && sentence.scrollIntoView) sentence.scrollIntoView({ block: "center" });
  } catch (error) {
    if (ticket === latestShow) message.textContent = `Error: ${error.message}`;
  }
}

async function showCounts() {
  try {
    const summary = await getJSON("/api");
    const c = summary.counts;
    document.getElementById("counts").textContent =
      `${c.documents} documents · ${c.events} events · ${c.entities} actors · ${c.quotes} quotes`;
  } catch (error) {
    document.getElementById("counts").textContent = `Error: ${error.message}`;
  }
}

for (const button of document.querySelectorAll("#tabs button")) {
  button.addEventListener("click", () => show(button.dataset.view));
}
document.getElementById("filters").addEventListener("submit", (event) => { event.preventDefault(); show(current); });
document.getElementById("close-document").addEventListener("click", () => show(current));
showCounts();
show("events");
