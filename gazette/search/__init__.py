"""Full-text search: index-time text preparation, the Pagefind step, the search page.

Matching is exact on characters: the indexed text is rewritten into character
bigrams (gazette.search.text) and the search page (theme/assets/search*.js)
rewrites queries the same way, then asks Pagefind for the exact phrase.
"""
