// Exact search over the Pagefind bundle: every run of the query (search-text.js) is found by
// Pagefind as an exact phrase of bigrams; a document matches when all runs occur in its title
// or body, in any of its records (search-records.js). Filters are asked of Pagefind as a search
// with no words (every record that passes), intersected with the exact result set; the date
// order is the records map's; facet
// counts are counted over the result set from each document's values, so a document counts
// once or not at all.
import { Chunks } from "./search-chunks.js";
import { Records } from "./search-records.js";
import { docNumber, phrase, RUN_END, runs } from "./search-text.js";

/** {pagefind, records, chunks, fields}: Pagefind started on the bundle's index (one index, the shards merged at
 *  build time: gazette/search/merge.py), which of its records make one document, its chunk list
 *  (search-chunks.js) and the field names of gazette/search/fields.py (page_fields: sort key, 发文字号 filters). */
export async function loadEngine(bundle, baseUrl, indexLanguage, fields) {
  const bundleUrl = new URL(bundle, location.href);
  const [pagefind, records] = await Promise.all([import(new URL("pagefind.js", bundleUrl).href), Records.load(bundleUrl)]);
  await startPagefind(pagefind, bundleUrl.pathname, baseUrl, indexLanguage);
  return { pagefind, records, chunks: new Chunks(bundleUrl), fields };
}

async function startPagefind(pagefind, basePath, baseUrl, indexLanguage) {
  await pagefind.options({ basePath, baseUrl, noWorker: true });
  // Pagefind takes its query language from <html lang> when it starts, and for "zh" it would
  // re-segment our bigrams with Intl.Segmenter. The index is in our own words (language "und",
  // see gazette/search/shardbuild.py), so Pagefind starts with that language; the page keeps its own.
  const pageLanguage = document.documentElement.getAttribute("lang");
  document.documentElement.setAttribute("lang", indexLanguage);
  try {
    await pagefind.init();
  } finally {
    document.documentElement.setAttribute("lang", pageLanguage);
  }
}

/** Results with a match in the title or body; a metadata-only match does not count. */
function inText(response) {
  return response.results.filter((r) => r.words.length > 0);
}

/** Pagefind's records with `run` in their text, best first (see search-text.js for the words). */
async function find(pagefind, chunks, run) {
  if ([...run].length > 1) return inText(await pagefind.search(`"${phrase(run)}"`));
  const words = await chunks.wordsFor(run.toLowerCase()); // every chunk of the words starting with it
  if (words.length) await pagefind.preload(words.join(" "));
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
    this.chunks = engine.chunks;
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
    const found = await Promise.all(this.runs.map((run) => find(this.pagefind, this.chunks, run)));
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
    const keys = this.records.byDate(await this.documents({ filters }), "desc");
    return new Map(keys.map((key, i) => [key, i]));
  }

  /** Keys of the matching documents that pass `selected` ({facet: [values]}), best first or by date (`sort`). */
  async view(selected, sort) {
    const spec = filterSpec(selected);
    let keys = this.ranked;
    if (Object.keys(spec).length) {
      const keep = new Set(await this.documents({ filters: spec }));
      keys = keys.filter((key) => keep.has(key));
    }
    return sort ? this.records.byDate(keys, sort) : keys;
  }

  /** Keys of the matching documents that pass Pagefind's `filters` (a search with no words). */
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
