"""The print edition: a PDF per issue and per document, laid out after GB/T 9704-2012.

compose (HTML from the Library) → render (WeasyPrint, PDF/A-3b) → edition
(which PDFs, in parallel, where they go); step plugs it into `gazette build`,
gazette.cli.pdf into `gazette pdf`. Layout rules: print.css and docs/print.md.
"""
