"""Cross-backend agreement: which numbers are extracted, how they are lined up, when an example is flagged."""

from __future__ import annotations

import dataclasses

import pytest

from harness import BACKENDS, DOCS_DIR, REPO_ROOT
from harness.protocol import Status
from harness.run import versions
from harness.run.freshness import Freshness
from harness.run.records import Record, RecordStore
from harness.site import agreement, evidence
from harness.site.agreement import (
    FLOOR,
    TOLERANCE,
    Agreement,
    Number,
    SectionComparison,
    Verdict,
    difference,
    numbers,
)
from harness.snippet import discover, parse

SNIPPET = parse(REPO_ROOT / "snippets" / "install" / "version.py")  # sections: version (4-8), backend (12-18)


def values(line: str) -> list[float]:
    return [n.value for n in numbers(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("loss: 0.3683 - val_loss: -1.5e-03", [0.3683, -1.5e-3]),
        ("epoch 4开始，第14个", [4, 14]),  # Chinese next to a number does not hide it
        ("5/5 - 0s - 27ms/step - accuracy: 0.9", [5, 5, 0.9]),  # timings carry a unit: left out
        ("dense_4 (Dense) float32 0x7f3a", []),  # parts of words are not numbers
        ("当前后端: tensorflow 2.21.0, torch 2.13.0+cpu", []),  # nor dotted versions
        ("(1-0.99^10)×批均值 [-3, 3)", [1, 0.99, 10, -3, 3]),  # a minus after a digit is not a sign
        ("reducing learning rate to 0.004999999888241291.", [0.004999999888241291]),
    ],
)
def test_numbers_are_decimal_literals_outside_words(line, expected):
    assert values(line) == pytest.approx(expected)


def test_rounding_is_half_a_unit_in_the_last_printed_digit():
    assert Number.parse("0.013").rounding == pytest.approx(0.0005)
    assert Number.parse("2.0e-06").rounding == pytest.approx(0.5e-7)
    assert Number.parse("80").rounding == 0  # integers are exact


def test_difference_takes_rounding_off_and_floors_small_values():
    n = Number.parse
    assert difference(n("76.9"), n("77.0")) == 0  # both could be 76.95
    assert difference(n("80"), n("81")) == pytest.approx(1 / 81)  # integers get no slack
    assert difference(n("2.0e-06"), n("3.9e-05")) < TOLERANCE  # float32 noise, measured against FLOOR
    assert difference(n("0.9598"), n("0.9511")) > TOLERANCE  # two different training runs
    assert difference(n("0.5"), n("-0.5")) == pytest.approx((1 - 0.1) / 0.5)  # a sign flip, rounding off
    assert FLOOR > 0


def test_lines_that_differ_in_words_are_compared_when_their_numbers_line_up():
    section = SectionComparison.of(
        "s",
        (
            "tf.Tensor(1.5, shape=(), dtype=float32)\nok",
            "Array(1.5, dtype=float32)\nok",
            "tensor(1.5000)\nok",
        ),
    )
    assert section.aligned and section.count == 1 and section.largest == 0
    assert not section.flagged


def test_a_line_with_a_different_count_of_numbers_is_unaligned():
    section = SectionComparison.of("s", ("shape (None, 16)\nx 1", "shape (83, 16)\nx 1"))
    assert not section.aligned and section.flagged
    assert section.count == 1  # the line that does line up is still compared


def test_sections_with_different_line_counts_are_not_compared():
    section = SectionComparison.of("s", ("a 1\nb 2", "a 1\nValueError: 3\nb 2"))
    assert section.lines == () and section.line_counts == (2, 3)
    assert not section.aligned and section.flagged


def test_blank_lines_do_not_count():
    section = SectionComparison.of("s", ("a 1\n\nb 2", "a 1\nb 2"))
    assert section.aligned and section.count == 2


@pytest.fixture()
def records(tmp_path, monkeypatch):
    monkeypatch.setenv("HARNESS_RECORDS_DIR", str(tmp_path / "records"))
    monkeypatch.setattr(evidence, "EVIDENCE_DIR", tmp_path / "evidence")
    return tmp_path / "records"


def plant(root, backend: str, version_line: str, backend_line: str, **changes) -> None:
    fresh = Freshness(backend, "cpu")
    record = Record(
        snippet=SNIPPET.rel,
        key=fresh.key(SNIPPET),
        code_key=fresh.code_key(SNIPPET),
        status=Status.PASSED,
        backend=backend,
        device="CPU",
        versions=fresh.installed,
        date="2026-12-02",
        seconds=0.1,
        wall_seconds=0.2,
        mode="fork",
        chunks=[[6, version_line + "\n"], [16, backend_line + "\n"]],
    )
    RecordStore(backend, "cpu", root=root).save(SNIPPET.stem, dataclasses.replace(record, **changes), [])


def build(notes: dict[str, str]) -> Agreement:
    return Agreement([SNIPPET], evidence.Evidence([SNIPPET], "tensorflow"), str(REPO_ROOT), notes)


def test_agreeing_records_are_not_flagged(records):
    for backend, shown in zip(BACKENDS, ("tf.Tensor(0.25)", "Array(0.25)", "tensor(0.2500)"), strict=True):
        plant(records, backend, "值 " + shown, "步数 10")
    result = build({})
    example = result.examples[SNIPPET.rel]
    assert example.verdict == Verdict.AGREE and example.count == 2
    assert result.problems() == [] and result.flag(SNIPPET, "version") == ""


def test_a_flagged_example_needs_an_explanation_and_shows_it_where_it_differs(records):
    plant(records, "tensorflow", "loss 0.31", "步数 10")
    plant(records, "jax", "loss 0.35", "步数 10")
    plant(records, "torch", "loss 0.33", "步数 10")
    unexplained = build({})
    assert unexplained.examples[SNIPPET.rel].verdict == Verdict.DIFFER
    assert [p.split(":")[0] for p in unexplained.problems()] == [SNIPPET.rel]

    explained = build({SNIPPET.rel: "随机初始化不同"})
    assert explained.problems() == []
    flag = explained.flag(SNIPPET, "version")
    assert "随机初始化不同" in flag and "agreement.md#agreement-install-version" in flag
    assert explained.flag(SNIPPET, "backend") == ""  # that section agrees
    assert explained.flag(SNIPPET, None)  # the whole file includes the section that differs
    page = explained.page([("安装", "../install/", [SNIPPET])])
    assert 'id="agreement-install-version"' in page and "随机初始化不同" in page
    assert "0.31" in page and "0.35" in page  # the side-by-side numbers


def test_stale_and_missing_backends_are_left_out_and_shown_as_such(records):
    plant(records, "tensorflow", "loss 0.31", "步数 10")
    plant(records, "jax", "loss 0.99", "步数 10", code_key="an older snippet", key="an older key")
    one = build({}).examples[SNIPPET.rel]
    assert one.backends == ("tensorflow",) and one.verdict == Verdict.TOO_FEW
    assert dict(one.left_out) == {"jax": Status.STALE, "torch": Status.MISSING}

    plant(records, "torch", "loss 0.31", "步数 10")
    result = build({})
    two = result.examples[SNIPPET.rel]
    assert (
        two.backends == ("tensorflow", "torch") and two.verdict == Verdict.AGREE
    )  # the stale 0.99 is ignored
    assert "JAX 过期，未参与" in result.page([("安装", "../install/", [SNIPPET])])


def test_unknown_reason_names_and_snippets_are_errors(tmp_path, records):
    notes = tmp_path / "notes.yml"
    notes.write_text(
        "reasons:\n  random-init: 随机\nexamples:\n  snippets/a.py: random-int\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="random-int"):
        agreement.load_notes(notes)
    assert build({"snippets/gone.py": "x"}).problems() == [
        "agreement-notes.yml names snippets/gone.py, which is not a snippet"
    ]


def test_every_flagged_example_has_an_explanation():
    """On this machine's records: the site build would fail on the same check."""
    snippets = discover()
    result = Agreement(
        snippets, evidence.Evidence(snippets, versions.backend()), str(REPO_ROOT), agreement.load_notes()
    )
    assert result.problems() == []


def test_the_page_states_the_tolerance_the_code_uses():
    page = (DOCS_DIR / "agreement.md").read_text(encoding="utf-8")
    assert f"相对差 {TOLERANCE:.1%}" in page and f"绝对值小于 {FLOOR} 的数按 {FLOOR} 计算" in page
    assert '--8<-- "generated/_agreement.md"' in page
