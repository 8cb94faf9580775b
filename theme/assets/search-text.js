// Query preparation for the search page: the same rules as gazette/search/text.py,
// which prepares the indexed text (a browser test checks that both agree).
// A query is cut into runs of letters and digits; a run of n >= 2 units is searched as
// the exact phrase of its n - 1 character bigrams, a one-unit run X as the prefix X (X starts
// a bigram) or the word RUN_END + X (X ends a run of the text).

// The 发文字号 patterns (gazette/model/docnumber.py, as gazette/search/text.py uses them) come with the page.
const NUMBER = JSON.parse(document.querySelector("[data-gz-search]").dataset.fields).docNumber;
const DOC_NUMBER = new RegExp(NUMBER.variants, "gu");
const NUMBER_QUERY = new RegExp(NUMBER.query, "u");
const UNIT = /^[\p{L}\p{N}]$/u;
const DROPPED = /^[\p{M}\p{Cf}]$/u;
const RUN = /[\p{L}\p{N}]+/gu;
const LEADING_RUN = /^[\p{L}\p{N}]+/u;
const SPACE_MARK = "\u2027";
export const RUN_END = "\uff5a"; // ｚ, never in normalised text (NFKC makes it "z")

function fold(char) {
  if (DROPPED.test(char)) return "";
  const units = [...char.normalize("NFKC")].filter((c) => UNIT.test(c)).join("");
  return units || char;
}

/** Units in NFKC form, gaps as written, 发文字号 canonicalised (普府办〔2024〕6号 -> 普府办20246号). */
export function normalise(text) {
  return [...text].map(fold).join("").replace(DOC_NUMBER, "$1$2$3号");
}

/** The runs of letters and digits of a query: each must occur in a matching document. */
export function runs(text) {
  return [...normalise(text).matchAll(RUN)].map((m) => m[0]);
}

/** Pagefind query words of one run: its character bigrams, in order. */
export function phrase(run) {
  const units = [...run];
  return units.slice(0, -1).map((unit, i) => unit + units[i + 1]).join(" ");
}

/** Parts of a 发文字号 as people type it: 普府办〔2024〕6号, 普府办2024 6号, 2024 6号, 6号. */
export function docNumber(text) {
  const compact = runs(text).join("");
  const m = compact.match(NUMBER_QUERY);
  return m ? { code: m[1] || null, year: m[2] || null, serial: m[3] } : null;
}

/**
 * The indexed text of a page back as readable pieces: each index word stands for the
 * unit it starts with (its position is Pagefind's word location); gaps are shown as written.
 * A piece matches by its `unit` and shows its `text`: the text as written where normalising
 * changed it (`written`: [[index, text], ...] counted from item `offset`, gazette/search/text.py Part).
 */
export function readable(content, written = [], offset = 0) {
  const shown = new Map(written.map(([index, text]) => [index + offset, text]));
  return content.split(/\s+/).map((item, position) => {
    const run = (item.startsWith(RUN_END) ? item.slice(RUN_END.length) : item).match(LEADING_RUN);
    if (run) {
      const unit = [...run[0]][0];
      return { unit, text: shown.get(position) ?? unit, position };
    }
    return { unit: null, text: item.replaceAll(SPACE_MARK, " "), position: null };
  });
}
