// The search page (/search/): exact full-text search over the Pagefind index, facets, sort.
// Matching: every run of the query must occur in the title or body (see search-text.js);
// Pagefind finds each run as an exact phrase, this page intersects the runs, counts the
// facets over the exact result set and keeps the query, filters and sort in the URL.
import { docNumber, phrase, readable, runs } from "./search-text.js";

const PAGE_SIZE = 10;
const EXCERPT_UNITS = 36;
const SORT_KEY = "发布日期";
const HIDDEN = { code: "机关代字", year: "年份", serial: "文号序号" };

const root = document.querySelector("[data-gz-search]");
const form = root.querySelector("form");
const input = form.querySelector("input[name=q]");
const sortSelect = root.querySelector("select[name=sort]");
const facetsBox = root.querySelector(".gz-search__facets");
const status = root.querySelector(".gz-search__status");
const list = root.querySelector(".gz-search__results");
const more = root.querySelector(".gz-search__more");
const FACETS = JSON.parse(root.dataset.facets);
const siteRoot = new URL(root.dataset.root, location.href).pathname;

let engine = null; // { pagefind, ids: {key: {value: Set}}, byDate: Map(id -> rank) }
let current = null; // the last search: { query, runs, ranked: [id], results: [Map(id -> result)] }
let shown = 0;
let generation = 0; // a newer search makes older renders stop

async function loadEngine() {
  const pagefind = await import(new URL(root.dataset.bundle + "pagefind.js", location.href).href);
  await pagefind.options({ baseUrl: siteRoot, noWorker: true, excerptLength: EXCERPT_UNITS });
  // Pagefind takes its query language from <html lang> when it starts, and for "zh" it would
  // re-segment our bigrams with Intl.Segmenter. The index is in our own words (language "und",
  // see gazette/search/indexer.py), so Pagefind starts with that language; the page keeps its own.
  const pageLanguage = document.documentElement.getAttribute("lang");
  document.documentElement.setAttribute("lang", root.dataset.indexLanguage);
  try {
    await pagefind.init();
  } finally {
    document.documentElement.setAttribute("lang", pageLanguage);
  }
  const values = await pagefind.filters();
  const ids = {};
  for (const [key, counts] of Object.entries(values)) {
    ids[key] = {};
    for (const value of Object.keys(counts)) {
      const found = await pagefind.search(null, { filters: { [key]: value } });
      ids[key][value] = new Set(found.results.map((r) => r.id));
    }
  }
  const dated = await pagefind.search(null, { sort: { [SORT_KEY]: "desc" } });
  const byDate = new Map(dated.results.map((r, i) => [r.id, i]));
  return { pagefind, ids, byDate };
}

/** Results of one run with a match in the title or body (metadata-only matches do not count). */
async function searchRun(run) {
  const term = [...run].length > 1 ? `"${phrase(run)}"` : run;
  const found = await engine.pagefind.search(term);
  return new Map(found.results.filter((r) => r.words.length > 0).map((r) => [r.id, r]));
}

async function search(query) {
  const parts = runs(query);
  if (!parts.length) return { query, runs: parts, ranked: [], results: [] };
  const results = await Promise.all(parts.map(searchRun));
  const [first, ...others] = results;
  const matched = [...first.keys()].filter((id) => others.every((r) => r.has(id)));
  const ranking = await engine.pagefind.search(parts.map((run) => ([...run].length > 1 ? phrase(run) : run)).join(" "));
  const score = new Map(ranking.results.map((r, i) => [r.id, i]));
  const numbered = docNumberHits(query);
  const rank = (id) => (numbered.has(id) ? -1e6 + engine.byDate.get(id) : score.get(id) ?? 1e6);
  matched.sort((a, b) => rank(a) - rank(b));
  return { query, runs: parts, ranked: matched, results };
}

/** Documents whose 发文字号 is the one typed (its parts present in the query); listed first. */
function docNumberHits(query) {
  const parts = docNumber(query);
  if (!parts) return new Set();
  let hits = null;
  for (const [part, key] of Object.entries(HIDDEN)) {
    if (!parts[part]) continue;
    const set = engine.ids[key]?.[parts[part]] ?? new Set();
    hits = hits ? new Set([...hits].filter((id) => set.has(id))) : set;
  }
  return hits ?? new Set();
}

function selectedFilters() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FACETS.map((key) => [key, params.getAll(key)]));
}

function passes(id, selected, except = null) {
  return FACETS.every((key) => key === except || !selected[key].length
    || selected[key].some((value) => engine.ids[key]?.[value]?.has(id)));
}

function ordered(ids) {
  const sort = sortSelect.value;
  if (!sort) return ids;
  const sign = sort === "asc" ? -1 : 1;
  return [...ids].sort((a, b) => sign * (engine.byDate.get(a) - engine.byDate.get(b)));
}

function renderFacets(selected) {
  facetsBox.replaceChildren();
  for (const key of FACETS) {
    const base = current.ranked.filter((id) => passes(id, selected, key));
    const counts = Object.entries(engine.ids[key] ?? {})
      .map(([value, set]) => [value, base.filter((id) => set.has(id)).length])
      .filter(([value, count]) => count > 0 || selected[key].includes(value));
    if (!counts.length) continue;
    counts.sort((a, b) => (key === "年份" ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], "zh")));
    const group = element("fieldset", "gz-facet");
    group.append(element("legend", "gz-facet__title", key));
    for (const [value, count] of counts) {
      const label = element("label", "gz-facet__option");
      const box = element("input");
      Object.assign(box, { type: "checkbox", name: key, value, checked: selected[key].includes(value) });
      box.addEventListener("change", () => updateUrl({ toggle: [key, value] }) && show());
      label.append(box, element("span", "gz-facet__value", value), element("span", "gz-facet__count", String(count)));
      group.append(label);
    }
    facetsBox.append(group);
  }
}

function element(tag, className = "", text = null) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== null) node.textContent = text;
  return node;
}

function updateUrl({ query = null, toggle = null } = {}) {
  const params = new URLSearchParams(location.search);
  if (query !== null) params.set("q", query);
  if (toggle) {
    const [key, value] = toggle;
    const values = params.getAll(key);
    params.delete(key);
    for (const v of values.includes(value) ? values.filter((v) => v !== value) : [...values, value]) params.append(key, v);
  }
  if (sortSelect.value) params.set("sort", sortSelect.value);
  else params.delete("sort");
  history.replaceState(null, "", `${location.pathname}?${params}`);
  return true;
}

/** Show the current search with the filters and sort of the URL. */
async function show() {
  const selected = selectedFilters();
  const ids = ordered(current.ranked.filter((id) => passes(id, selected)));
  renderFacets(selected);
  list.replaceChildren();
  shown = 0;
  const filtered = FACETS.some((key) => selected[key].length);
  if (!ids.length) {
    status.textContent = current.ranked.length && filtered
      ? `在所选条件下没有找到包含“${current.query}”的文件，可以取消部分筛选条件再试。`
      : `没有找到包含“${current.query}”的文件。请检查是否有错别字，或换一个较短的词语再试。`;
    status.classList.add("gz-search__status--empty");
    more.hidden = true;
    return;
  }
  status.classList.remove("gz-search__status--empty");
  status.textContent = `找到 ${ids.length} 份包含“${current.query}”的文件${filtered ? "（已筛选）" : ""}。`;
  current.visible = ids;
  await showMore();
}

async function showMore() {
  const mine = generation;
  const ids = current.visible.slice(shown, shown + PAGE_SIZE);
  shown += ids.length;
  more.hidden = shown >= current.visible.length;
  const items = await Promise.all(ids.map(renderResult));
  if (mine === generation) list.append(...items);
}

async function renderResult(id) {
  const data = await current.results[0].get(id).data();
  const meta = data.meta;
  const item = element("li", "gz-result");
  const link = element("a", "gz-result__title", meta["标题"] || meta.title);
  link.href = data.url;
  const heading = element("h2", "gz-result__heading");
  heading.append(link);
  const info = element("p", "gz-result__meta");
  for (const [key, className] of [["发文字号", "number"], ["发文机关", "issuer"], ["日期", "date"], ["信息类别", "kind"]]) {
    if (meta[key]) info.append(element("span", `gz-result__${className}`, meta[key]));
  }
  const titleWords = (meta.title ?? "").split(/\s+/).filter(Boolean).length;
  item.append(heading, info, excerpt(data.content, titleWords));
  return item;
}

/** Text around the first match in the body (else in the title), every match highlighted. */
function excerpt(content, titleWords) {
  const pieces = readable(content);
  const units = pieces.map((piece) => (piece.position === null ? null : piece.text.toLowerCase()));
  const marked = new Set();
  const starts = [];
  for (const run of current.runs) {
    const wanted = [...run.toLowerCase()];
    for (let i = 0; i + wanted.length <= units.length; i++) {
      if (!wanted.every((unit, k) => units[i + k] === unit)) continue;
      starts.push(i);
      for (let k = 0; k < wanted.length; k++) marked.add(i + k);
    }
  }
  const inBody = starts.filter((i) => i >= titleWords);
  const first = inBody.length ? Math.min(...inBody) : titleWords;
  const from = Math.max(titleWords, first - Math.floor(EXCERPT_UNITS / 3));
  const to = Math.min(pieces.length, from + EXCERPT_UNITS * 2);
  const node = element("p", "gz-result__excerpt");
  if (from > titleWords) node.append("…");
  let mark = null;
  for (let i = Math.min(from, pieces.length); i < to; i++) {
    if (marked.has(i)) {
      mark = mark ?? node.appendChild(element("mark"));
      mark.append(pieces[i].text);
    } else {
      mark = null;
      node.append(pieces[i].text);
    }
  }
  if (to < pieces.length) node.append("…");
  return node;
}

async function runQuery(query) {
  const mine = ++generation;
  input.value = query;
  for (const box of document.querySelectorAll("input.gz-header-search__input")) box.value = query;
  if (!query.trim()) {
    status.textContent = "请输入要检索的词语或发文字号。";
    list.replaceChildren();
    facetsBox.replaceChildren();
    more.hidden = true;
    return;
  }
  status.textContent = "正在检索…";
  try {
    engine = engine ?? (await loadEngine());
    const result = await search(query);
    if (mine !== generation) return;
    current = result;
    document.title = `${query} - 全文检索`;
    await show();
    root.dataset.state = "done";
  } catch (error) {
    status.textContent = "检索服务暂时无法使用，请稍后刷新页面再试。";
    root.dataset.state = "error";
    console.error(error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = input.value.trim();
  updateUrl({ query });
  runQuery(query);
});
sortSelect.addEventListener("change", () => updateUrl() && current && show());
more.addEventListener("click", () => showMore());

const params = new URLSearchParams(location.search);
sortSelect.value = params.get("sort") ?? "";
runQuery(params.get("q") ?? "");
