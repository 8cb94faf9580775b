// Exact search over the Pagefind bundle: every run of the query (search-text.js) is found by
// Pagefind as an exact phrase of bigrams; a document matches when all runs occur in its title
// or body, in any of its records (search-records.js). Filters and date order are asked of
// Pagefind as a search with no words (every record that passes, in order), intersected with
// the exact result set; facet counts are counted over that set from each document's values,
// so a document counts once or not at all.
import { Records } from "./search-records.js";
import { docNumber, phrase, RUN_END, runs } from "./search-text.js";

/** {pagefind, records, fields}: Pagefind started on the bundle, which of its records make one document,
 *  and the field names of gazette/search/fields.py (page_fields: sort key, 发文字号 filters). */
export async function loadEngine(bundle, baseUrl, indexLanguage, fields) {
  const bundleUrl = new URL(bundle, location.href);
  const [pagefind, records] = await Promise.all([
    startPagefind(bundleUrl, baseUrl, indexLanguage), Records.load(bundleUrl)]);
  return { pagefind, records, fields };
}

async function startPagefind(bundleUrl, baseUrl, indexLanguage) {
  const pagefind = await import(new URL("pagefind.js", bundleUrl).href);
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
  return pagefind;
}

/** Results with a match in the title or body; a metadata-only match does not count. */
function inText(response) {
  return response.results.filter((r) => r.words.length > 0);
}

/** Pagefind's records with `run` in their text, best first (see search-text.js for the words). */
async function find(pagefind, run) {
  if ([...run].length > 1) return inText(await pagefind.search(`"${phrase(run)}"`));
  const [starts, ends] = await Promise.all([pagefind.search(run), pagefind.search(RUN_END + run)]);
  const found = new Map([...inText(starts), ...inText(ends)].map((r) => [r.id, r]));
  return [...found.values()].sort((a, b) => b.score - a.score);
}

function filterSpec(selected) {
  const spec = {};
  for (const [key, values] of Object.entries(selected)) if (values.length) spec[key] = { any: values };
  return spec;
}

export class Search {
  constructor(engine, query) {
    this.pagefind = engine.pagefind;
    this.records = engine.records;
    this.fields = engine.fields;
    this.query = query;
    this.runs = runs(query);
  }

  /** Find the documents; `ranked` holds their keys, best first; `results[i]` maps a key to its best record for run i. */
  async run() {
    if (!this.runs.length) {
      this.ranked = [];
      return this;
    }
    const found = await Promise.all(this.runs.map((run) => find(this.pagefind, run)));
    this.results = found.map((results) => this.records.documents(results));
    const [first, ...others] = this.results;
    this.ranked = [...first.keys()].filter((key) => others.every((found) => found.has(key)));
    this.matched = new Set(this.ranked);
    await this.rank();
    return this;
  }

  async rank() {
    const words = this.runs.map((run) => ([...run].length > 1 ? phrase(run) : run)).join(" ");
    const ranking = await this.pagefind.search(words);
    const score = new Map(this.records.keys(ranking.results).map((key, i) => [key, i]));
    const numbered = await this.numbered();
    const position = (key) => (numbered.has(key) ? numbered.get(key) - 1e6 : score.get(key) ?? 1e6);
    this.ranked.sort((a, b) => position(a) - position(b));
  }

  /** Documents whose 发文字号 is the one typed, newest first: they lead the results. */
  async numbered() {
    const parts = docNumber(this.query);
    if (!parts) return new Map();
    const filters = {};
    for (const [part, key] of Object.entries(this.fields.numberFilters)) if (parts[part]) filters[key] = parts[part];
    const keys = await this.documents({ filters, sort: { [this.fields.sort]: "desc" } });
    return new Map(keys.map((key, i) => [key, i]));
  }

  /** Keys of the matching documents that pass `selected` ({facet: [values]}), in order. */
  async view(selected, sort) {
    const spec = filterSpec(selected);
    if (!Object.keys(spec).length && !sort) return this.ranked;
    const options = { filters: spec };
    if (sort) options.sort = { [this.fields.sort]: sort };
    const kept = await this.documents(options);
    if (sort) return kept;
    const keep = new Set(kept);
    return this.ranked.filter((key) => keep.has(key));
  }

  /** Keys of the matching documents that pass Pagefind's `filters`, in its `sort` order (a search with no words). */
  async documents(options) {
    const all = await this.pagefind.search(null, options);
    return this.records.keys(all.results).filter((key) => this.matched.has(key));
  }

  /** {facet: {value: count}}: matching documents that pass the other facets' selections, by value. */
  facetCounts(facets, selected) {
    const counts = Object.fromEntries(facets.map((facet) => [facet, {}]));
    for (const key of this.ranked) {
      const values = this.records.values(key);
      const passes = (facet) => !selected[facet]?.length || selected[facet].some((v) => values[facet]?.includes(v));
      const failing = facets.filter((facet) => !passes(facet));
      if (failing.length > 1) continue; // fails two selections: no facet's count includes it
      for (const facet of failing.length ? failing : facets) {
        for (const value of values[facet] ?? []) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
      }
    }
    return counts;
  }
}
