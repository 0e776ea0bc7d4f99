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
