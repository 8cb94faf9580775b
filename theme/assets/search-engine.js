// Exact search over the Pagefind bundle: every run of the query (search-text.js) is found by
// Pagefind as an exact phrase of bigrams; a document matches when all runs occur in its title
// or body. Filters, date order and facet counts are asked of Pagefind for the first run and
// intersected with the exact result set, so that they never count a document that does not match.
import { docNumber, phrase, runs } from "./search-text.js";

const SORT_KEY = "发布日期";
const NUMBER_FILTERS = { code: "机关代字", year: "年份", serial: "文号序号" };

export async function loadEngine(bundle, baseUrl, indexLanguage) {
  const pagefind = await import(new URL(bundle + "pagefind.js", location.href).href);
  await pagefind.options({ baseUrl, noWorker: true });
  // Pagefind takes its query language from <html lang> when it starts, and for "zh" it would
  // re-segment our bigrams with Intl.Segmenter. The index is in our own words (language "und",
  // see gazette/search/indexer.py), so Pagefind starts with that language; the page keeps its own.
  const pageLanguage = document.documentElement.getAttribute("lang");
  document.documentElement.setAttribute("lang", indexLanguage);
  try {
    await pagefind.init();
  } finally {
    document.documentElement.setAttribute("lang", pageLanguage);
  }
  await pagefind.filters(); // loads every filter chunk, so that every response counts every facet
  return pagefind;
}

function term(run) {
  return [...run].length > 1 ? `"${phrase(run)}"` : run;
}

/** Results with a match in the title or body; a metadata-only match does not count. */
function inText(response) {
  return response.results.filter((r) => r.words.length > 0);
}

function filterSpec(selected, except = null) {
  const spec = {};
  for (const [key, values] of Object.entries(selected)) {
    if (key !== except && values.length) spec[key] = { any: values };
  }
  return spec;
}

export class Search {
  constructor(pagefind, query) {
    this.pagefind = pagefind;
    this.query = query;
    this.runs = runs(query);
  }

  /** Find the documents; `ranked` holds their ids, best first. */
  async run() {
    if (!this.runs.length) {
      this.ranked = [];
      return this;
    }
    const responses = await Promise.all(this.runs.map((run) => this.pagefind.search(term(run))));
    this.results = responses.map((response) => new Map(inText(response).map((r) => [r.id, r])));
    const [first, ...others] = this.results;
    this.ranked = [...first.keys()].filter((id) => others.every((found) => found.has(id)));
    this.matched = new Set(this.ranked);
    // Pagefind's own counts are exact when its result set is ours: one run, nothing dropped.
    this.exactCounts = this.runs.length === 1 && this.ranked.length === responses[0].results.length;
    this.counts = responses[0].filters;
    await this.rank();
    return this;
  }

  async rank() {
    const words = this.runs.map((run) => ([...run].length > 1 ? phrase(run) : run)).join(" ");
    const ranking = await this.pagefind.search(words);
    const score = new Map(ranking.results.map((r, i) => [r.id, i]));
    const numbered = await this.numbered();
    const position = (id) => (numbered.has(id) ? numbered.get(id) - 1e6 : score.get(id) ?? 1e6);
    this.ranked.sort((a, b) => position(a) - position(b));
  }

  /** Documents whose 发文字号 is the one typed, newest first: they lead the results. */
  async numbered() {
    const parts = docNumber(this.query);
    if (!parts) return new Map();
    const filters = {};
    for (const [part, key] of Object.entries(NUMBER_FILTERS)) if (parts[part]) filters[key] = parts[part];
    const found = await this.pagefind.search(term(this.runs[0]), { filters, sort: { [SORT_KEY]: "desc" } });
    return new Map(inText(found).filter((r) => this.matched.has(r.id)).map((r, i) => [r.id, i]));
  }

  /** Ids of the matching documents that pass `selected` ({facet: [values]}), in order. */
  async view(selected, sort) {
    const spec = filterSpec(selected);
    if (!Object.keys(spec).length && !sort) return this.ranked;
    const options = { filters: spec };
    if (sort) options.sort = { [SORT_KEY]: sort };
    const found = inText(await this.pagefind.search(term(this.runs[0]), options)).map((r) => r.id);
    const kept = found.filter((id) => this.matched.has(id));
    if (sort) return kept;
    const keep = new Set(kept);
    return this.ranked.filter((id) => keep.has(id));
  }

  /** {facet: {value: count}} over the matching documents that pass the other facets' selections. */
  async facetCounts(facets, selected) {
    const counts = {};
    for (const key of facets) {
      const others = filterSpec(selected, key);
      const response = Object.keys(others).length
        ? await this.pagefind.search(term(this.runs[0]), { filters: others })
        : { filters: this.counts };
      const upper = response.filters[key] ?? {};
      counts[key] = this.exactCounts ? upper : await this.exactly(key, others, upper);
    }
    return counts;
  }

  async exactly(key, others, upper) {
    const counts = {};
    for (const [value, count] of Object.entries(upper)) {
      if (!count) continue;
      const found = await this.pagefind.search(term(this.runs[0]), { filters: { ...others, [key]: value } });
      counts[value] = inText(found).filter((r) => this.matched.has(r.id)).length;
    }
    return counts;
  }
}
