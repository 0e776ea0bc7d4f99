"""The relevance bench's query generator: seeded, and only queries with one right answer."""

from __future__ import annotations

import random
from collections import Counter

from bench import namequeries as nq
from bench import relevance

FAMILY = ["Nguyễn", "Trần", "Lê", "Thạch", "Sơn", "Phạm", "Võ", "Danh", "Lâm"]
MIDDLE = ["Văn", "Thị", "Hồng"]
GIVEN = ["An", "Bình", "Hòa", "Sa Rây", "Khánh", "Phương"]


def corpus(n: int = 400, seed: int = 1) -> list[nq.Named]:
    """Names that collide, as in bench/synth.py: people, households, collectives."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if i % 3 == 1:
            name = f"Hộ gia đình ông {name}"
        elif i % 3 == 2:
            name = f"Câu lạc bộ Dù kê ấp {rng.choice(['Bưng Sa', 'Sô La', 'Khu 1'])}, " \
                   f"xã {rng.choice(['Lạc Hòa', 'Vĩnh Hải'])}"
        out.append(nq.Named(f"ho-so/ho-so-{i:06d}/", name))
    return out


def test_the_same_corpus_and_seed_give_the_same_queries():
    profiles = corpus()
    a = nq.generate(profiles, 40)
    assert a == nq.generate(list(reversed(profiles)), 40)  # order of reading is irrelevant
    assert a != nq.generate(profiles, 40, seed=nq.SEED + 1)
    assert len(a) == 40 and Counter(j.kind for j in a) == {k: 8 for k in nq.KINDS}
    assert len({j.expected for j in a}) == 40  # one query a profile


def test_every_query_names_exactly_its_profile():
    profiles = corpus()
    titles = nq.Titles(profiles)
    by_url = {p.url: p for p in profiles}
    names = Counter(" ".join(nq.fold(p.title)) for p in profiles)
    queries = nq.generate(profiles, 60)
    assert queries
    for j in queries:
        target = by_url[j.expected]
        assert names[" ".join(nq.fold(target.title))] == 1  # its name is unique
        if j.kind == "typo":
            assert j.query != " ".join(nq.fold(target.title))
            slipped = titles.holding(nq.fold(j.query))
            assert slipped <= {int(j.expected[-7:-1])}  # the slip names nobody else
            continue
        holders = [p.url for p in profiles if set(nq.fold(j.query)) <= set(nq.fold(p.title))]
        assert holders == [j.expected], j
    kinds = {j.kind: j for j in queries}
    assert kinds["ascii"].query == kinds["ascii"].query.lower()
    assert kinds["ascii"].query.isascii() and kinds["fragment"].query.isascii()
    assert not kinds["exact"].query.isascii() or "," not in kinds["exact"].query


def test_the_rule_refuses_a_name_that_two_profiles_hold():
    profiles = [nq.Named("a/", "Nguyễn Văn An"), nq.Named("b/", "Nguyễn Văn An"),
                nq.Named("c/", "Hộ gia đình ông Trần Văn Bình"),
                nq.Named("d/", "Trần Văn Bình")]
    t = nq.Titles(profiles)
    assert not nq.names_one(t, ["nguyen", "van", "an"], "a/")
    assert nq.names_one(t, nq.fold("Hộ gia đình ông Trần Văn Bình"), "c/")
    # The person's name is held by the household's title too: not one answer.
    assert not nq.names_one(t, nq.fold("Trần Văn Bình"), "d/")
    assert not nq.names_one(t, ["tran", "binh"], "c/")
    assert nq.names_one(t, ["ho", "tran"], "c/")
    assert nq.generate(profiles[:2], 5) == []
    assert {j.expected for j in nq.generate(profiles, 5)} == {"c/"}


def test_folding_ignores_case_diacritics_and_punctuation():
    assert nq.fold("Đội ghe Ngo ấp Sô La, xã Lạc Hòa") == [
        "doi", "ghe", "ngo", "ap", "so", "la", "xa", "lac", "hoa"]
    assert nq.fold("hoà") == nq.fold("hòa") == nq.fold("HÒA")


def test_a_typo_changes_one_letter_place_never_the_first():
    rng = random.Random(5)
    for _ in range(200):
        slipped = nq.typo("nguyen", rng)
        assert slipped != "nguyen" and slipped[0] == "n"
        assert abs(len(slipped) - len("nguyen")) <= 1


def test_the_committed_query_files_read_back(tmp_path):
    path = tmp_path / "q.tsv"
    queries = nq.generate(corpus(), 10)
    nq.write(str(path), queries, 400)
    assert nq.read(str(path)) == queries
    assert path.read_text(encoding="utf-8").startswith("# Judged name queries")
    sample = relevance.judged()
    assert len(sample) >= 100 and all(j.expected.endswith("/") for j in sample)


def test_scores():
    assert relevance.scores([1, 2, None, 25]) == (0.25, (1 + 0.5) / 4)
    assert relevance.scores([]) == (0.0, 0.0)
