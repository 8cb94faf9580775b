// Records and documents: Pagefind indexes a long document as several records (see
// gazette/search/indexer.py). gazette-records.json (gazette/search/records.py) lists every
// document's record ids and facet values. A document is known by the id of its first record
// (its key); its facet values let the page count documents, not records, without loading
// Pagefind's filter data before the first results. The documents are listed in publication
// order, which gives the date sort.

export class Records {
  constructor(data) {
    this.documentOf = new Map();
    for (const [position, [ids, indices]] of data.documents.entries()) {
      const values = Object.fromEntries(data.facets.map((facet, f) => [facet, indices[f].map((i) => data.values[f][i])]));
      const entry = { key: ids[0], values, position };
      for (const id of ids) this.documentOf.set(id, entry);
    }
  }

  static async load(bundleUrl) {
    const response = await fetch(new URL("gazette-records.json", bundleUrl));
    if (!response.ok) throw new Error(`gazette-records.json: HTTP ${response.status}`);
    return new Records(await response.json());
  }

  key(id) {
    return this.documentOf.get(id)?.key ?? id;
  }

  /** {facet: [values]} of the document with this key. */
  values(key) {
    return this.documentOf.get(key)?.values ?? {};
  }

  /** Document key -> its first record among `results` (Pagefind results, best first). */
  documents(results) {
    const found = new Map();
    for (const result of results) {
      const key = this.key(result.id);
      if (!found.has(key)) found.set(key, result);
    }
    return found;
  }

  /** `keys` by publication date: "asc" (oldest first) or "desc" (the exact reverse). */
  byDate(keys, direction) {
    const position = (key) => this.documentOf.get(key)?.position ?? -1;
    const sorted = [...keys].sort((a, b) => position(a) - position(b));
    return direction === "desc" ? sorted.reverse() : sorted;
  }

  /** Document keys of `results`, in order, each once. */
  keys(results) {
    return [...this.documents(results).keys()];
  }
}
