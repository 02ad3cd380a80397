"""Every report format on one result with each severity, a fix, and a message that needs escaping."""

import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from soptui.checker.engine import META_RULES, LintResult, RuleInfo
from soptui.checker.finding import Finding
from soptui.checker.rule import Applicability, Edit, Fix, Severity
from soptui.coverage import Coverage
from soptui.i18n import Text
from soptui.reporting import REPORTERS
from soptui.reporting.github import escape_data

ROOT = Path(__file__).resolve().parent.parent
RULES = [*META_RULES, RuleInfo("SOP101", "step-numbering", Severity.ERROR, "sop", True, "builtin",
                               "Step numbers must run 1, 2, 3.", "Step numbers must run 1, 2, 3.\n\n## Why it matters\n...",
                               fix_kinds=("safe", "unsafe"))]
TRICKY = Text("pesan, dengan: 100% dan\nbaris baru", "message, with: 100% and\na new line")


def result() -> LintResult:
    fix = Fix(Text("nomori ulang", "renumber"), (Edit("/langkah/5/no", 6),), Applicability.SAFE)
    guess = Fix(Text("tebak", "guess"), (Edit("/langkah/6/keterangan", "x"),), Applicability.UNSAFE)
    return LintResult(["sops/a.toml", "sops/b.toml", "sops/c.toml"], [
        Finding("SOP101", "step-numbering", Severity.ERROR, "sops/a.toml", 96, 1, "/langkah/5/no", 8,
                Text("penomoran melompat", "numbering jumps"), fix),
        Finding("SOP101", "step-numbering", Severity.WARNING, "sops/a.toml", 99, 2, "/langkah/6/no", 9, TRICKY, guess),
        Finding("SOP002", "unused-suppression", Severity.INFO, "sops/b.toml", 3, 1, "", None, Text("i", "i")),
    ], RULES, Coverage(7, Counter({"Permen Sosial 5/2019": 2, "PP 99/2020": 1})))


def render(name: str, lang: str = "en", fail_on: str | None = None, lint: LintResult | None = None) -> str:
    reporter = {cls.name: cls for cls in REPORTERS}[name](lang=lang, root=".")
    if fail_on is not None:
        reporter.fail_on = fail_on
    out = io.StringIO()
    reporter.write(lint or result(), out)
    return out.getvalue()


def test_json_follows_its_schema():
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    data = json.loads(render("json"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data["summary"] == {"files": 3, "error": 1, "warning": 1, "info": 1}
    assert data["findings"][0]["fix"]["edits"] == [{"pointer": "/langkah/5/no", "value": 6}]
    assert [f["fix"] and f["fix"]["applicability"] for f in data["findings"]] == ["safe", "unsafe", None]


def test_json_puts_one_finding_a_line_even_when_a_message_looks_like_json():
    lookalike = Text('a }, {"code": b', 'a }, {"code": b')
    findings = [Finding("SOP101", "step-numbering", Severity.ERROR, "a.toml", n, 1, "", None, lookalike)
                for n in (1, 2, 3)]
    out = io.StringIO()
    json_reporter = {cls.name: cls for cls in REPORTERS}["json"]
    json_reporter(lang="en", root=".").write(LintResult(["a.toml"], findings, RULES), out)
    lines = out.getvalue().splitlines()
    assert [line[:11] for line in lines[2:5]] == ['  {"code": '] * 3 and lines[5] == "]}"
    assert [f["message"] for f in json.loads(out.getvalue())["findings"]] == ['a }, {"code": b'] * 3


@pytest.mark.parametrize("lang", ["id", "en"])
def test_json_lines_are_exactly_json_dumps_of_each_finding(lang):
    from soptui.reporting.json import finding_json

    odd = Finding("X1", 'na"me', Severity.INFO, "sops/ä \\ b.toml", 1, 2, "/a~1b", None,
                  Text("\u00e9\t\x01 \U0001F600 \"q\"", "</script>\u2028"), Fix(Text("f\n", "g"), (Edit("/x", None, True),)))
    for finding in [*result().findings, odd]:
        assert finding_json(finding, lang) == json.dumps(finding.to_dict(lang), ensure_ascii=False)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_json_lines_from_the_plain_form_are_those_of_the_decoded_findings(lang):
    import datetime as dt

    from soptui.checker.engine import FileResult
    from soptui.checker.plain import decode_findings, encode
    from soptui.reporting.json import JsonLines, finding_json, plain_findings_json

    shared = Fix(Text("urutkan \"a\"", "reorder\u2028"), (Edit("/dasar_hukum", ["a", {"b": 1.5}]), Edit("/x", None, True)))
    dated = Fix(Text("tanggal", "date"), (Edit("/tanggal", dt.date(2024, 2, 29)),), Applicability.SAFE)
    numbered = Fix(Text("n", "n"), (Edit("/n", 7),))
    findings = [Finding("X1", 'na"me', Severity.INFO, "sops/ä \\ b.toml", n, 2, "/a~1b", step,
                        Text("\u00e9\t\x01 \U0001F600,\n  x", "</script>"), fix, "plug")
                for n, (step, fix) in enumerate([(None, shared), (3, dated), (None, None), (0, shared), (1, numbered)], 1)]
    plain = encode(FileResult("sops/ä \\ b.toml", findings))
    decoded = decode_findings("sops/ä \\ b.toml", plain["fixes"], plain["findings"])
    assert plain_findings_json("sops/ä \\ b.toml", plain["fixes"], plain["findings"], lang) == [
        finding_json(finding, lang) for finding in decoded]
    written = JsonLines(lang)("sops/ä \\ b.toml", plain["fixes"], plain["findings"])
    assert JsonLines.lines_of(written) == [finding_json(finding, lang) for finding in decoded]  # the text split back


def test_json_report_writes_each_fix_as_its_own_finding_would():
    shared = Fix(Text("urutkan", "reorder"), (Edit("/dasar_hukum", ["a", "b"]),))
    other = Fix(Text("nomori ulang", "renumber"), (Edit("/langkah/1/no", 2),))
    findings = [Finding("SOP1", "x", Severity.INFO, "a.toml", n, 1, "", None, Text("m", "m"), fix)
                for n, fix in enumerate((shared, shared, other, None, shared), 1)]
    out = io.StringIO()
    json_reporter = {cls.name: cls for cls in REPORTERS}["json"]
    json_reporter(lang="en", root=".").write(LintResult(["a.toml"], findings, RULES), out)
    assert json.loads(out.getvalue())["findings"] == [f.to_dict("en") for f in findings]


def test_sarif_rules_results_levels_and_fingerprints():
    sarif = json.loads(render("sarif"))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["SOP000", "SOP001", "SOP002", "SOP010", "SOP011", "SOP012", "SOP013",
                                        "SOP014", "SOP101"]
    assert "## Why it matters" in rules[-1]["help"]["markdown"]
    levels = [(rules[r["ruleIndex"]]["id"], r["level"]) for r in run["results"]]
    assert levels == [("SOP101", "error"), ("SOP101", "warning"), ("SOP002", "note")]
    location = run["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "sops/a.toml"
    assert location["physicalLocation"]["region"] == {"startLine": 96, "startColumn": 1}
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "/langkah/5/no"
    assert run["results"][0]["properties"]["fix"] == "renumber"
    assert [r["properties"].get("fixApplicability") for r in run["results"]] == ["safe", "unsafe", None]
    assert rules[-1]["properties"]["fixKinds"] == ["safe", "unsafe"] and "fixKinds" not in rules[0]["properties"]
    prints = [r["partialFingerprints"]["soptui/v1"] for r in run["results"]]
    assert len(set(prints)) == 3 and prints == [r["partialFingerprints"]["soptui/v1"]
                                                for r in json.loads(render("sarif"))["runs"][0]["results"]]


def unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_annotations_escape_and_parse_back():
    lines = render("github").splitlines()
    assert lines[0] == "::error file=sops/a.toml,line=96,col=1,title=SOP101 step-numbering::numbering jumps"
    assert lines[1].startswith("::warning ") and lines[2].startswith("::notice ")
    assert unescape(lines[1].split("::", 2)[2]) == TRICKY.en
    assert "\n" not in escape_data(TRICKY.en)


def test_junit_has_a_case_per_finding_and_a_passing_case_per_clean_file():
    suite = ET.fromstring(render("junit"))
    cases = list(suite.iter("testcase"))
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("sops/a.toml", "SOP101 step-numbering at 96:1"), ("sops/a.toml", "SOP101 step-numbering at 99:2"),
        ("sops/b.toml", "SOP002 unused-suppression at 3:1"), ("sops/c.toml", "soptui lint")]
    assert len(list(cases[3])) == 0  # the clean file passes
    assert suite.get("tests") == "4" and all(len(list(case)) <= 1 for case in cases)


@pytest.mark.parametrize("fail_on, failing", [("error", ["SOP101 step-numbering at 96:1"]),
                                              ("warning", ["SOP101 step-numbering at 96:1", "SOP101 step-numbering at 99:2"]),
                                              ("info", ["SOP101 step-numbering at 96:1", "SOP101 step-numbering at 99:2",
                                                        "SOP002 unused-suppression at 3:1"])])
def test_junit_fails_only_at_or_above_fail_on_and_skips_the_rest(fail_on, failing):
    suite = ET.fromstring(render("junit", fail_on=fail_on))
    cases = list(suite.iter("testcase"))
    assert [c.get("name") for c in cases if c.find("failure") is not None] == failing
    below = [c for c in cases if c.find("skipped") is not None]
    assert len(below) == 3 - len(failing)
    assert suite.get("failures") == str(len(failing)) and suite.get("skipped") == str(len(below))
    if fail_on == "error":
        assert below[0].find("skipped").get("message").startswith("warning SOP101 99:2 message, with")


def test_junit_names_two_findings_at_one_place_apart():
    same = [Finding("SOP307", "duplicate-item", Severity.WARNING, "a.toml", 4, 1, f"/x/{n}", None, Text("m", "m"))
            for n in (1, 2, 3)]
    suite = ET.fromstring(render("junit", lint=LintResult(["a.toml"], same, RULES)))
    names = [c.get("name") for c in suite.iter("testcase")]
    assert names == ["SOP307 duplicate-item at 4:1", "SOP307 duplicate-item at 4:1 #2", "SOP307 duplicate-item at 4:1 #3"]


def _nulls(value, where="$"):
    """The places in a JSON value that hold null."""
    if value is None:
        return [where]
    if isinstance(value, dict):
        return [n for key, item in value.items() for n in _nulls(item, f"{where}.{key}")]
    if isinstance(value, list):
        return [n for index, item in enumerate(value) for n in _nulls(item, f"{where}[{index}]")]
    return []


def test_sarif_holds_no_null_and_resolves_its_uris_against_srcroot(tmp_path):
    unknown_rule = Finding("XYZ9", "a-plugin-rule", Severity.INFO, "sops/with space ä.toml", 1, 1, "", None, Text("m", "m"))
    lint = result()
    lint.findings.append(unknown_rule)
    sarif = json.loads(render("sarif", lint=lint))
    assert _nulls(sarif) == []
    run = sarif["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == Path(".").resolve().as_uri() + "/"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert all(loc["uriBaseId"] in run["originalUriBaseIds"] for loc in locations)
    assert locations[-1]["uri"] == "sops/with%20space%20%C3%A4.toml"
    assert "ruleIndex" not in run["results"][-1]  # a rule the run does not describe: no index, not -1
    assert "step" not in run["results"][2]["properties"] and run["results"][0]["properties"]["step"] == 8


def test_sarif_gives_a_file_outside_the_root_an_absolute_uri(tmp_path):
    outside = Finding("SOP002", "unused-suppression", Severity.INFO, str(tmp_path / "x.toml"), 1, 1, "", None, Text("m", "m"))
    reporter = {cls.name: cls for cls in REPORTERS}["sarif"](lang="en", root=str(tmp_path / "repo"))
    out = io.StringIO()
    reporter.write(LintResult([outside.path], [outside], RULES), out)
    location = json.loads(out.getvalue())["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "x.toml").resolve().as_uri()}  # not "../x.toml" against %SRCROOT%


def test_text_marks_safe_fixes_and_counts_both_kinds():
    text = render("text")
    assert "96:1: error SOP101 [*] numbering jumps" in text
    assert "99:2: warning SOP101 message" in text and "fix (unsafe, --unsafe-fixes): guess" in text
    assert "[*] 1 fixable with --fix, 1 more with --unsafe-fixes" in text
    assert "[*] 1 dapat diperbaiki dengan --fix, 1 lagi dengan --unsafe-fixes" in render("text", lang="id")


def test_gitlab_fingerprints_unique_and_stable():
    issues = json.loads(render("gitlab"))
    assert [i["severity"] for i in issues] == ["critical", "major", "info"]
    assert len({i["fingerprint"] for i in issues}) == 3
    assert [i["fingerprint"] for i in issues] == [i["fingerprint"] for i in json.loads(render("gitlab"))]
    assert issues[0]["location"] == {"path": "sops/a.toml", "lines": {"begin": 96}}


@pytest.mark.parametrize("name", [cls.name for cls in REPORTERS])
def test_each_format_matches_its_snapshot(name, snapshot):
    snapshot.snapshot_dir = Path(__file__).parent / "snapshots" / "reporters"
    text = render(name).replace('"version": "0.1.0"', '"version": "X"')
    text = text.replace(Path(".").resolve().as_uri() + "/", "file:///ROOT/")  # where the tests run
    snapshot.assert_match(text, f"report.{name}")


def test_the_coverage_is_in_the_text_summary_json_and_sarif():
    assert "registry: 7 citations checked, 4 known, 3 unknown (soptui regulation --unknown PATH)" in render("text")
    assert json.loads(render("json"))["registry"] == {"checked": 7, "known": 4, "unknown": 3}
    assert json.loads(render("sarif"))["runs"][0]["properties"]["registry"] == {"checked": 7, "known": 4, "unknown": 3}


def test_the_fix_count_names_unsafe_fixes_only_when_there_are_some():
    from soptui.reporting.text import fixable_line

    safe = Fix(Text("a", "a"), (Edit("/nomor", "1"),), Applicability.SAFE)
    found = [Finding("SOP101", "step-numbering", Severity.ERROR, "x.toml", 1, 1, "", None, Text("m", "m"), safe)]
    assert fixable_line(LintResult(["x.toml"], found, RULES), "en") == "[*] 1 fixable with --fix\n"
