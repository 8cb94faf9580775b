// The search page (/search/): exact full-text search over the Pagefind index, facets, sort.
// Matching: every run of the query must occur in the title or body (see search-text.js);
// Pagefind finds each run as an exact phrase, this page intersects the runs, counts the
// facets over the exact result set and keeps the query, filters and sort in the URL.
import { loadEngine, Search } from "./search-engine.js";
import { readable } from "./search-text.js";

const PAGE_SIZE = 10;
const EXCERPT_UNITS = 36;

const root = document.querySelector("[data-gz-search]");
const form = root.querySelector("form");
const input = form.querySelector("input[name=q]");
const sortSelect = root.querySelector("select[name=sort]");
const facetsBox = root.querySelector(".gz-search__facets");
const status = root.querySelector(".gz-search__status");
const list = root.querySelector(".gz-search__results");
const more = root.querySelector(".gz-search__more");
const FIELDS = JSON.parse(root.dataset.fields); // gazette/search/fields.py page_fields()
const FACETS = FIELDS.facets;
const siteRoot = new URL(root.dataset.root, location.href).pathname;

let starting = null; // the Pagefind engine, started once
let current = null; // the last Search
let visible = []; // ids shown for the current filters and sort
let shown = 0;
let generation = 0; // a newer search or view makes older renders stop

function engine() {
  starting = starting ?? loadEngine(root.dataset.bundle, siteRoot, root.dataset.indexLanguage, FIELDS);
  return starting;
}

function selectedFilters() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FACETS.map((key) => [key, params.getAll(key)]));
}

function renderFacets(counts, selected) {
  facetsBox.replaceChildren();
  for (const key of FACETS) {
    const values = Object.entries(counts[key] ?? {}).filter(([value, count]) => count > 0 || selected[key].includes(value));
    for (const value of selected[key]) if (!(value in (counts[key] ?? {}))) values.push([value, 0]);
    if (!values.length) continue;
    values.sort((a, b) => (key === "年份" ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], "zh")));
    const group = element("fieldset", "gz-facet");
    group.append(element("legend", "gz-facet__title", key));
    for (const [value, count] of values) {
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
  const mine = ++generation;
  const selected = selectedFilters();
  const filtered = FACETS.some((key) => selected[key].length);
  const ids = current.runs.length ? await current.view(selected, sortSelect.value) : [];
  const counts = current.runs.length ? current.facetCounts(FACETS, selected) : {};
  if (mine !== generation) return;
  renderFacets(counts, selected);
  list.replaceChildren();
  visible = ids;
  shown = 0;
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
  showMore();
}

// A result's record (title, metadata, text) is fetched only when it comes near the screen:
// a record is up to ~9 KB, and a reader seldom scrolls through all ten.
const nearScreen = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    nearScreen.unobserve(entry.target);
    fillResult(entry.target);
  }
}, { rootMargin: "300px 0px" });

function showMore() {
  const ids = visible.slice(shown, shown + PAGE_SIZE);
  shown += ids.length;
  more.hidden = shown >= visible.length;
  for (const id of ids) {
    const item = element("li", "gz-result gz-result--pending", "正在载入…");
    item.dataset.id = id;
    item.dataset.generation = generation;
    list.append(item);
    nearScreen.observe(item);
  }
}

async function fillResult(item) {
  const search = current;
  const data = await search.results[0].get(item.dataset.id).data();
  if (Number(item.dataset.generation) !== generation) return;
  const meta = data.meta;
  const link = element("a", "gz-result__title", meta["标题"] || meta.title);
  link.href = meta.url ? siteRoot + meta.url.replace(/^\//, "") : data.url; // a record's "url" meta is its document's
  const heading = element("h2", "gz-result__heading");
  heading.append(link);
  const info = element("p", "gz-result__meta");
  for (const [key, className] of FIELDS.resultMeta) {
    if (meta[key]) info.append(element("span", `gz-result__${className}`, meta[key]));
  }
  // The first record of a document starts with its prepared title ("title" meta); later ones have none.
  const titleWords = (meta.title ?? "").split(/\s+/).filter(Boolean).length;
  keepMoreInPlace(() => {
    const written = JSON.parse(meta.written || "[]"); // the body's units as written (gazette/search/indexer.py)
    item.replaceChildren(heading, info, excerpt(search.runs, data.content, titleWords, !titleWords, written));
    item.classList.remove("gz-result--pending");
  });
  item.dataset.loaded = "";
}

/** Run `change` (a result filling in above the 更多 button); while the button is on screen it stays
 *  where it is, so a reader's click on it cannot land elsewhere. */
function keepMoreInPlace(change) {
  const before = more.hidden ? null : more.getBoundingClientRect().top;
  const onScreen = before !== null && before < window.innerHeight && before + more.offsetHeight > 0;
  change();
  if (onScreen) window.scrollBy(0, more.getBoundingClientRect().top - before);
}

/** Text around the first match in the body (else in the title), every match highlighted, shown as written. */
function excerpt(queryRuns, content, titleWords, continued, written) {
  const pieces = readable(content, written, titleWords);
  const units = pieces.map((piece) => (piece.unit === null ? null : piece.unit.toLowerCase()));
  const marked = new Set();
  const starts = [];
  for (const run of queryRuns) {
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
  if (from > titleWords || continued) node.append("…");
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
    const search = await new Search(await engine(), query).run();
    if (mine !== generation) return;
    current = search;
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

// For scripts/bench_search.py: the documents a query finds, best first, each as the Pagefind id of one of its records.
window.gazetteSearch = {
  async ids(query) {
    return (await new Search(await engine(), query).run()).ranked;
  },
};

const params = new URLSearchParams(location.search);
sortSelect.value = params.get("sort") ?? "";
runQuery(params.get("q") ?? "");
