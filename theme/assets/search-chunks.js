// Every index chunk that may hold a word starting with a prefix. Pagefind finds a one-character
// query X as a prefix (the words "X…", see search-text.js), but it loads only the chunk whose
// first and last words surround X: the words "X…" that sort into the chunks after it were never
// searched, and on a large gazette a frequent character's words fill many chunks. So before such a
// search the page reads the index's chunk list (its metadata: gzip, then CBOR) and has Pagefind
// preload one word of every chunk in the prefix's range.

const SIGNATURE = 12; // "pagefind_dcd"
// What Pagefind drops from a query or changes in it (its search(): punctuation, capitals, accents):
// a chunk's first or last word is a usable preload word only if it passes unchanged.
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/u;
const unchanged = (word) => !DROPPED.test(word) && word === word.toLocaleLowerCase()
  && word === word.normalize("NFD").replace(/\p{M}/gu, "");

/** The part of CBOR Pagefind's metadata uses: integers, strings, arrays, maps (byte strings skipped). */
function decode(bytes) {
  const text = new TextDecoder();
  let pos = 0;
  const head = () => {
    const byte = bytes[pos++];
    const info = byte & 31;
    let arg = info;
    if (info >= 24 && info <= 27) {
      arg = 0;
      for (let k = 0; k < 1 << (info - 24); k++) arg = arg * 256 + bytes[pos++];
    } else if (info > 27) {
      throw new Error("unsupported CBOR item");
    }
    return [byte >> 5, arg];
  };
  const item = () => {
    const [major, arg] = head();
    if (major === 0) return arg;
    if (major === 1) return -1 - arg;
    if (major === 2 || major === 3) {
      const value = major === 3 ? text.decode(bytes.subarray(pos, pos + arg)) : null;
      pos += arg;
      return value;
    }
    if (major === 4) return Array.from({ length: arg }, item);
    if (major === 5) {
      const map = {};
      for (let i = 0; i < arg; i++) map[item()] = item();
      return map;
    }
    if (major === 7) return arg === 21 ? true : arg === 20 ? false : null;
    throw new Error("unsupported CBOR item");
  };
  return item();
}

async function gunzip(response) {
  const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** [from, to] of every index chunk of the index at `bundleUrl`. */
async function chunkList(bundleUrl) {
  const entry = await (await fetch(new URL("pagefind-entry.json", bundleUrl))).json();
  const { hash } = Object.values(entry.languages)[0];
  const meta = decode((await gunzip(await fetch(new URL(`pagefind.${hash}.pf_meta`, bundleUrl)))).subarray(SIGNATURE));
  return meta[2].map(([from, to]) => [from, to]); // the metadata is [version, pages, chunks, filters, sorts, fields]
}

export class Chunks {
  constructor(bundleUrl) {
    this.bundleUrl = bundleUrl;
    this.list = null;
  }

  /** One word in each chunk that may hold a word starting with `prefix` (rarely none: a chunk whose first and
   *  last words both hold punctuation, from a 发文字号 in the metadata). */
  async wordsFor(prefix) {
    this.list = this.list ?? chunkList(this.bundleUrl);
    const words = new Set();
    for (const [from, to] of await this.list) {
      if (to < prefix || (from > prefix && !from.startsWith(prefix))) continue;
      const word = from <= prefix ? prefix : [from, to].find(unchanged); // Pagefind loads the chunk holding it
      if (word) words.add(word);
    }
    return [...words];
  }
}
