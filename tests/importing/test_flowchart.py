"""From shapes to steps for a step of several actors: a symbol drawn in two columns of one row,
or one symbol drawn across two columns, is one step with both actors."""

from soptui.importing.draft import Draft, StepDraft
from soptui.importing.flowchart import Band, Column, Shape, assign

# three actor columns, 100 wide, over a table from y 0 to 300; rows of 100
COLUMNS = [Column(0, 100, 0, 300, "camat"), Column(100, 200, 0, 300, "sekcam"), Column(200, 300, 0, 300, "staf")]


def _box(x: float, y: float, width: float = 40, symbol: str = "proses") -> Shape:
    return Shape("symbol", x - width / 2, y - 10, x + width / 2, y + 10, symbol=symbol)


def _arrow(start, end) -> Shape:
    return Shape("arrow", min(start[0], end[0]), min(start[1], end[1]), max(start[0], end[0]), max(start[1], end[1]),
                 start=start, end=end)


def _read(shapes):
    steps = [StepDraft(no, f"Langkah {no}") for no in (1, 2, 3)]
    rows = [Band(100 * i, 100 * (i + 1), step) for i, step in enumerate(steps)]
    assign(shapes, rows, COLUMNS, Draft("x.pdf"), 6.0, 40.0)
    return steps


def test_a_symbol_in_two_columns_of_a_row_is_one_step_of_both_actors():
    steps = _read([_box(250, 50, symbol="terminator"), _box(50, 150), _box(150, 150),
                   _box(250, 250, symbol="terminator"),
                   _arrow((250, 60), (50, 140)),  # into the Camat's symbol of step 2
                   _arrow((50, 160), (250, 240))])  # and out of it
    assert [s.values.get("pelaksana") for s in steps] == ["staf", ["camat", "sekcam"], "staf"]
    assert "a step of several actors" in " ".join(steps[1].notes["pelaksana"])
    assert steps[1].values["simbol"] == "proses" and "lanjut" not in steps[1].values
    assert not steps[1].above  # not "2 symbols are drawn in this row"


def test_one_symbol_drawn_across_two_columns_is_a_step_of_both():
    steps = _read([_box(250, 50, symbol="terminator"), _box(200, 150, width=160), _box(250, 250, symbol="terminator")])
    assert steps[1].values["pelaksana"] == ["sekcam", "staf"]


def test_an_arrow_from_a_steps_second_symbol_counts_and_never_leads_to_the_step_itself():
    # step 2 drawn in Camat and Staf; its arrow back to step 1 leaves the Staf one
    steps = _read([_box(150, 50), _box(50, 150, symbol="keputusan"), _box(250, 150, symbol="keputusan"),
                   _box(150, 250),
                   _arrow((50, 160), (150, 240)), Shape("label", 55, 162, 60, 168, text="Ya"),
                   _arrow((270, 150), (170, 50)), Shape("label", 272, 145, 280, 150, text="Tidak"),
                   _arrow((230, 150), (70, 150))])  # a line from one symbol of the step to its other
    assert steps[1].values["pelaksana"] == ["camat", "staf"]
    assert (steps[1].values.get("ya"), steps[1].values.get("tidak")) == (3, 1)


def test_two_different_symbols_in_a_row_are_still_one_taken_and_said():
    steps = _read([_box(50, 50), _box(50, 150), _box(150, 150, symbol="keputusan"), _box(50, 250)])
    assert steps[1].values["pelaksana"] == "camat" and steps[1].values["simbol"] == "proses"
    assert "2 symbols are drawn in this row; the first is taken." in steps[1].above
