"""Maintainer tools: the coverage report and the answer preview."""

import datetime as dt

from bot.knowledge.loader import load_knowledge
from bot.knowledge.preview import preview
from bot.knowledge.report import html_page, main, markdown
from tests.knowledge_fixture import write_knowledge


def test_report_shows_coverage_and_missing_translations(tmp_path):
    kb, problems = load_knowledge(write_knowledge(tmp_path / "k"), dt.date(2026, 11, 26))
    md = markdown(kb, problems, dt.date(2026, 11, 26))
    row = next(line for line in md.splitlines() if line.startswith("| DE | healthcare |"))
    cells = [c.strip() for c in row.split("|")[1:-1]]
    assert cells[2] == "2"  # entries
    assert cells[3] == "2/2 (2r)"  # en: both, original
    assert cells[3 + 5] == "1/2"  # ar: one machine-assisted translation of two
    page = html_page(kb, problems, dt.date(2026, 11, 26))
    assert page.startswith("<!doctype html>") and "<script" not in page


def test_report_command_writes_both_files(tmp_path):
    assert main(["--knowledge", str(write_knowledge(tmp_path / "k")), "--out", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "knowledge.md").exists() and (tmp_path / "r" / "knowledge.html").exists()


def test_preview_prints_the_user_answer():
    from bot.knowledge.store import KnowledgeStore

    general = [e for e in KnowledgeStore().get().entries_for("DE", "housing") if e.subtopic is None and e.general][0]
    text = preview("de", "housing", "uk")
    assert general.answer["uk"] in text
    assert general.sources[0].url in text and general.reviewed.isoformat() in text
