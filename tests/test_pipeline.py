"""The pipeline's order: a step `beside_next` runs while the next one runs; errors and progress still reach
the caller, in the order of the steps."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest

from gazette import pipeline
from gazette.errors import GazetteError
from gazette.pipeline import SiteOutput, Step
from gazette.progress import Progress

OUTPUT = SiteOutput(library=None, site_dir=Path("."), feeds=[], bodies={})


def run(steps: list[Step], preview: bool = False) -> list[str]:
    stream = io.StringIO()
    original, pipeline.STEPS = pipeline.STEPS, steps
    try:
        pipeline.run(OUTPUT, Progress(stream=stream), preview=preview)
    finally:
        pipeline.STEPS = original
    return [line.split("：")[0] for line in stream.getvalue().splitlines()]


def test_a_step_beside_the_next_runs_while_it_runs():
    next_started, done = threading.Event(), []

    def beside(out, tick):
        assert next_started.wait(timeout=30), "the next step did not start while this one ran"
        done.append("beside")

    def following(out, tick):
        next_started.set()
        done.append("next")

    lines = run([Step("甲", beside, beside_next=True), Step("乙", following), Step("丙", lambda o, t: done.append("last"))])
    assert done == ["next", "beside", "last"]
    assert lines == ["乙", "甲", "丙"]  # each step says it is done; the one beside after the one it ran beside


def test_an_error_of_the_step_beside_reaches_the_caller():
    def failing(out, tick):
        raise GazetteError("建立检索索引失败")

    ran = []
    with pytest.raises(GazetteError, match="建立检索索引失败"):
        run([Step("甲", failing, beside_next=True), Step("乙", lambda o, t: ran.append("next")),
             Step("丙", lambda o, t: ran.append("last"))])
    assert ran == ["next"]  # the steps after it do not run


def test_preview_skips_the_steps_it_does_not_need():
    ran = []
    run([Step("甲", lambda o, t: ran.append("index"), in_preview=False, beside_next=True),
         Step("乙", lambda o, t: ran.append("redirects"))], preview=True)
    assert ran == ["redirects"]
