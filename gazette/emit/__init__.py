"""Subscriptions and open data, written from the Library after rendering: Atom feeds, OPML,
the deadline calendar, documents.json with its JSON Schema, and the sitemap. JSON-LD is
rendered into each document page (jsonld.py); the subscription page is a generated page."""
