"""MkDocs hooks: thin adapters; all logic lives in gazette.site.hooks."""

from gazette.site.hooks import (  # noqa: F401
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_startup,
)
