"""The citation reader on real lines: every line of tests/data/citations.tsv (gathered from stored
copies of public SOP documents, Perda, Perbup and regulations, with their sources) is read as a
reviewer reads it, and so is every dasar hukum item of sops/."""

from pathlib import Path

import pytest

from soptui.citation import parse_citation, split_merged
from soptui.loading.discover import find_sop_files
from soptui.loading.loader import load_file

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "citations.tsv"
# words of an amendment clause or a gazette suffix: none belongs in a title as read
LEAKS = ("sebagaimana", "sebagaiman ", "dirubah", "diubah dengan", "lembaran negara", "tambahan lembaran")


def rows():
    for number, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        if line and not line.startswith("#"):
            expected, source, text = line.split("\t")
            yield pytest.param(expected, source, text, id=f"{number}")


def read(text: str) -> str:
    """What the reader makes of a line: the labels of its regulations, as the rules check them."""
    pieces = split_merged(text)
    citations = [parse_citation(p) for p in pieces]
    if not all(c.recognised for c in citations):
        return "-"
    return " + ".join(c.short() for c in citations)


@pytest.mark.parametrize("expected, source, text", list(rows()))
def test_each_real_line_is_read_as_a_reviewer_reads_it(expected, source, text):
    assert source.startswith("http"), "every line names where it was read"
    assert read(text) == expected
    for piece in split_merged(text):
        title = (parse_citation(piece).judul or "").casefold()
        assert not any(word in title for word in LEAKS), title


def test_the_data_file_holds_at_least_300_real_lines_from_many_sources():
    found = list(rows())
    assert len(found) >= 300
    assert len({p.values[1] for p in found}) >= 80


@pytest.mark.parametrize("path", find_sop_files([ROOT / "sops"]), ids=lambda p: p.parent.name)
def test_every_citation_of_the_corpus_is_read(path):
    for citation in load_file(path).sop.dasar_hukum:
        assert read(citation.text) != "-", citation.text
