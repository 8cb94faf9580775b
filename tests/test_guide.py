"""The editor's guide documents every key, every command and every option (lists derived from the code)."""

import argparse

import pytest

from gazette.cli.main import COMMANDS, parser
from gazette.config import CONFIG_SCHEMA
from gazette.model.collection import COLLECTION_SCHEMA
from gazette.model.manifest import ISSUE_SCHEMA
from gazette.model.schema import DOCUMENT_SCHEMA
from gazette.model.vocabulary import VOCABULARY_SCHEMAS
from projects import REPO

GUIDE = (REPO / "docs/editor-guide.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("schema", [DOCUMENT_SCHEMA, COLLECTION_SCHEMA, ISSUE_SCHEMA, CONFIG_SCHEMA, *VOCABULARY_SCHEMAS.values()])
def test_every_key_is_documented(schema):
    missing = [key.name for key in schema if f"`{key.name}`" not in GUIDE]
    assert missing == []


def test_every_command_is_documented():
    missing = [command.NAME for command in COMMANDS if f"gazette {command.NAME}" not in GUIDE]
    assert missing == []


def test_every_option_is_documented():
    missing = [f"{name} {option}" for name, sub in subcommands().items() for action in sub._actions
               for option in action.option_strings if option.startswith("--") and option not in ("--help",)
               and option not in GUIDE]
    assert missing == []
