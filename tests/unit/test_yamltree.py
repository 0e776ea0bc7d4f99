import time

import pytest

from showcase.content import yamltree


def test_lines_duplicates_and_plain_flags():
    p = yamltree.parse('a: no\nb: "no"\na: 2\n', first_line=2)
    assert [x.kind for x in p.problems] == ["duplicate"]
    assert p.problems[0].line == 4 and p.problems[0].detail == "a:2"
    m = p.root
    assert isinstance(m, yamltree.Map)
    assert m.get("a") == yamltree.Scalar("no", 2, True)  # first kept, source text kept
    assert m.get("b") == yamltree.Scalar("no", 3, False)


def test_alias_bomb_is_not_expanded():
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    p = yamltree.parse(bomb)
    kinds = {x.kind for x in p.problems}
    assert kinds == {"anchor", "alias"}
    assert isinstance(p.root, yamltree.Map)


def test_custom_tags_reported_not_constructed():
    p = yamltree.parse("x: !!python/object/apply:os.system ['true']\ny: !!str 010\n")
    assert [x.kind for x in p.problems] == ["tag"]
    assert p.root.get("y") == yamltree.Scalar("010", 2, False)


def test_syntax_error_line():
    p = yamltree.parse("a: 1\nb: [1, 2\nc: 3\n", first_line=2)
    assert p.root is None and p.problems[0].kind == "syntax" and p.problems[0].line >= 3


def test_empty_document():
    assert yamltree.parse("").root is None
    assert yamltree.parse("# chỉ có ghi chú\n").root is None


@pytest.mark.parametrize(
    ("text", "line"),
    [("a: " + "[" * 1000 + "]" * 1000, 2), ("a: " + "{b: " * 1000 + "c" + "}" * 1000, 2),
     ("a: " + "[{b: " * 500 + "c" + "}]" * 500, 2), ("a: " + "[" * 200_000 + "]" * 200_000, 2),
     ("".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "x: 1\n", 14)],
    ids=["lists", "maps", "mixed", "200k", "block"],
)
def test_deep_nesting_is_one_problem_not_a_recursion_error(text, line):
    start = time.perf_counter()
    p = yamltree.parse(text, first_line=2)
    assert time.perf_counter() - start < 2
    assert [(x.kind, x.line) for x in p.problems] == [("deep", line)]
    depth, node = 0, p.root  # None past MAX_FLOW_SCAN: libyaml is not even run
    while isinstance(node, yamltree.Map | yamltree.Seq):
        depth += 1
        node = next(iter(node.entries.values())).value if isinstance(
            node, yamltree.Map) else node.items[0]
    assert depth <= yamltree.MAX_DEPTH


def test_nesting_the_contract_needs_is_fine():
    p = yamltree.parse("consent:\n  scope: [web, social]\nachievements:\n"
                       "  - {year: 2024, text: x}\n")
    assert p.problems == []


@pytest.mark.parametrize(
    ("text", "line", "char"),
    [("a: 1\nb: x\x00y\n", 3, "\x00"), ("a: x\x1by\n", 2, "\x1b"), ("a: 1\n\nc: \x07\n", 4, "\x07"),
     ("a: x\x85y\n", 2, "\x85"), ("a: x\u2028y\n", 2, "\u2028"), ("a: x\u202ey\n", 2, "\u202e"),
     ("a: >-\n  x\n  y\x00z\n", 4, "\x00")],
)
def test_forbidden_characters_at_their_own_line(text, line, char):
    p = yamltree.parse(text, first_line=2)
    (problem,) = [x for x in p.problems if x.kind == "char"]
    assert (problem.line, problem.detail) == (line, char)
    assert char not in problem.context and "<U+" in problem.context
    assert p.root is not None  # the rest of the file is still read


def test_path_at_names_the_field_of_a_line():
    p = yamltree.parse("name: A\nconsent:\n  date: 2024-01-01\n  ref: x\n"
                       "achievements:\n  - {year: 2024, text: a}\n  - year: 2023\n    text: b\n",
                       first_line=2)
    at = {line: yamltree.path_at(p.root, line) for line in range(2, 10)}
    assert at == {2: "name", 3: "consent", 4: "consent.date", 5: "consent.ref",
                  6: "achievements", 7: "achievements[0].text", 8: "achievements[1].year",
                  9: "achievements[1].text"}
    assert yamltree.path_at(None, 3) == "-"
