"""The units' form agrees with the profile format: its configuration is made from the
contract, and a key of the contract the form forgets fails here."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import REPO
from showcase.content import model
from showcase.content.diagnostics import Collector
from showcase.content.model import PHOTO_NAME, SUMMARY_MAX, SUMMARY_MIN
from showcase.content.text import slugify
from showcase.content.units import Unit, read_units
from showcase.content.vocab import FIELDS, KINDS, SCOPES, SECTORS
from showcase.option_values import EditorSettings
from showcase.workflow import editor_fields
from showcase.workflow.editor_config import config_yaml, editor_config
from showcase.workflow.editor_fields import NEEDS_CONSENT, MissingField, contract_keys
from showcase.workflow.editor_types import RULE_KINDS, Field, data
from showcase.workflow.scaffold import NAME_MAX

TODAY = dt.date(2026, 11, 24)
SETTINGS = EditorSettings(repo="so-vhttdl/guong-dien-hinh", auth_url="https://dang-nhap.example")
SITE = "https://example.gov.vn/guong-dien-hinh/"
ACTIVE = Unit("thu-vien-tinh", "Thư viện tỉnh Sóc Trăng", "affiliated", True)
CLOSED = Unit("vhtt-vinh-chau", "Phòng Văn hóa và Thông tin thị xã Vĩnh Châu", "district", True,
              active_to=dt.date(2025, 6, 30))
LATER = Unit("trung-tam-moi", "Trung tâm mới", "affiliated", True,
             active_from=dt.date(2027, 1, 1))


def fields_of(unit: Unit = ACTIVE) -> dict[str, Field]:
    return {f.name: f for f in editor_fields.profile_fields(unit, TODAY)}


def test_the_form_has_every_key_of_the_contract_and_no_other() -> None:
    keys = contract_keys()
    top = fields_of()
    assert list(top) == list(keys[""])
    for group in ("consent", "achievements", "commendations", "nominated"):
        assert [f.name for f in top[group].fields] == list(keys[group]), group
    assert list(keys[""][:-1]) == list(model.PROFILE_KEYS)


def test_a_key_added_to_the_contract_without_a_field_fails(monkeypatch) -> None:
    monkeypatch.setitem(model.PROFILE_KEYS, "website", "https://...")
    with pytest.raises(MissingField, match="website"):
        editor_fields.profile_fields(ACTIVE, TODAY)


def test_closed_vocabularies_with_their_vietnamese_labels() -> None:
    f = fields_of()
    assert [(o.value, o.label) for o in f["kind"].options] == [
        (t.id, t.label) for t in KINDS.values()]
    assert [(o.value, o.label) for o in f["field"].options] == [
        (t.id, f"{t.letter}) {t.label}") for t in FIELDS.values()]
    assert [o.value for o in f["sectors"].options] == list(SECTORS)
    assert f["sectors"].multiple and f["sectors"].min == 1 and f["sectors"].required
    scope = f["consent"].child("scope")
    assert [o.value for o in scope.options] == list(SCOPES) and not scope.required


def test_limits_come_from_the_check() -> None:
    f = fields_of()
    (length,) = [r for r in f["summary"].rules if r.kind == "length"]
    assert (length.min, length.max) == (SUMMARY_MIN, SUMMARY_MAX)
    assert [r.max for r in f["name"].rules if r.kind == "length"] == [NAME_MAX]
    (photo,) = f["photo"].rules
    assert photo.pattern == PHOTO_NAME.pattern and photo.flags == "i"
    for name in ("introduced", "published"):
        assert (f[name].widget, f[name].format, f[name].time_format) == (
            "datetime", "YYYY-MM-DD", False)
    assert f["achievements"].child("year").max == TODAY.year


def test_what_is_required_for_which_kind_is_what_the_check_requires(mini_repo) -> None:
    """Consent is required by the check exactly for the kinds the form asks it of."""
    from conftest import PROFILE, PROFILE_PATH
    from showcase.content import corpus

    f = fields_of()
    for child in ("date", "ref"):
        (rule,) = [r for r in f["consent"].child(child).rules if r.kind == "required_if"]
        assert (rule.field, rule.values) == ("kind", NEEDS_CONSENT)
    assert not f["consent"].required
    for kind in KINDS:
        text = PROFILE.replace("kind: individual", f"kind: {kind}")
        text = re.sub(r"consent:\n(  .*\n)+", "", text)
        (mini_repo / PROFILE_PATH).write_text(text, encoding="utf-8")
        c = corpus.load(str(mini_repo), TODAY)
        codes = {d.code for d in c.diagnostics.errors}
        assert ("SC060" in codes) == (kind in NEEDS_CONSENT), (kind, codes)
    (alt,) = [r for r in f["photo_alt"].rules if r.kind == "required_with"]
    assert alt.field == "photo"


def test_only_units_active_on_the_day_take_new_profiles() -> None:
    config = editor_config([CLOSED, ACTIVE, LATER], "profiles", TODAY, SETTINGS, SITE)
    by_name = {c.name: c for c in config.collections}
    assert [c.name for c in config.collections] == ["thu-vien-tinh", "vhtt-vinh-chau",
                                                     "trung-tam-moi"]
    assert by_name["thu-vien-tinh"].create
    assert not by_name["vhtt-vinh-chau"].create and not by_name["trung-tam-moi"].create
    closed = {f.name: f for f in by_name["vhtt-vinh-chau"].fields}["introduced"]
    assert [r.kind for r in closed.rules][:1] == ["no_new"]
    assert "30/06/2025" in closed.rules[0].message
    assert all(c.folder == f"profiles/{c.name}" and not c.delete for c in config.collections)
    assert all(c.slug == "{{fields.introduced | date('YYYY')}}-{{slug}}"
               for c in config.collections)


def test_every_rule_is_one_bien_tap_js_applies() -> None:
    script = (REPO / "scripts" / "showcase" / "editor" / "bien-tap.js").read_text()
    block = script.split("var RULES = {")[1].split("\n  };")[0]
    assert re.findall(r"^    (\w+): function", block, re.M) == list(RULE_KINDS)

    def rules(fs):
        for f in fs:
            yield from f.rules
            yield from rules(f.fields)

    used = {r.kind for u in (CLOSED, LATER) for r in rules(fields_of(u).values())}
    assert used == set(RULE_KINDS)


def test_the_written_configuration_reads_back_and_is_the_same_every_time() -> None:
    units, _ = read_units(str(REPO), "profiles", Collector(), TODAY)
    config = editor_config(units.values(), "profiles", TODAY, SETTINGS, SITE)
    text = config_yaml(config, TODAY)
    assert text == config_yaml(editor_config(units.values(), "profiles", TODAY, SETTINGS, SITE),
                               TODAY)
    assert yaml.safe_load(text) == json.loads(json.dumps(data(config)))
    read = yaml.safe_load(text)
    assert read["locale"] == "vi" and read["publish_mode"] == "editorial_workflow"
    assert read["backend"] == {
        "name": "github", "repo": "so-vhttdl/guong-dien-hinh", "branch": "main",
        "base_url": "https://dang-nhap.example", "auth_endpoint": "auth",
        "auth_scope": "public_repo", "open_authoring": True,
        "commit_messages": read["backend"]["commit_messages"]}
    assert "Vĩnh Châu" in text  # Vietnamese as it is written, not escaped
    assert len(read["collections"]) == len(units)
    assert len(text) < 60_000  # the units share their fields (YAML anchors)


NAMES = ["Nguyễn Văn Đức", "ĐOÀN THỊ ÁNH", "Hộ gia đình ông Lê Văn C",
         "Thạch Thị Sa Rươne (ថាច់ ធី សារឿន)", "CLB Dù kê phường 5", "Tổ phục vụ lưu động – Thư viện",
         "Đội ghe Ngo xã Lạc Hòa.", "Nguyễn Văn A, Trần Thị B", "Quách Thị Thủy  ", "ថាច់ ធី"]
# Decap's own steps for a file name (decap-cms-core lib/formatters.ts prepareSlug and
# lib/urlHelper.ts sanitizeSlug, with the config's slug settings), run in node with
# the packages the bundle is built from.
DECAP_SLUG = r"""
const diacritics = require('diacritics');
const sanitizeFilename = require('sanitize-filename');
const names = JSON.parse(process.argv[1]);
const uri = /[\w\-.~]/i;
const slug = s => {
  s = s.trim().toLocaleLowerCase().replace(/[']/g, '').replace(/[.]/g, '-');
  s = diacritics.remove(s);
  s = Array.from(s).map(c => uri.test(c) ? c : '-').join('');
  s = sanitizeFilename(s, { replacement: '-' });
  return s.replace(/(?:-)+/g, '-').replace(/^-/, '').replace(/-$/, '');
};
console.log(JSON.stringify(names.map(slug)));
"""


def test_decap_makes_file_names_by_the_projects_slug_rule() -> None:
    modules = REPO / "editor" / "node_modules"
    if not shutil.which("node") or not (modules / "diacritics").is_dir():
        pytest.skip("node or editor/node_modules is missing: run `make editor-deps`")
    done = subprocess.run(["node", "-e", DECAP_SLUG, json.dumps(NAMES)], cwd=modules.parent,
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [slugify(n) for n in NAMES]
    assert slugify("ថាច់ ធី") == ""  # refused in the form: a name needs Latin letters
    (latin,) = [r for r in fields_of()["name"].rules if r.kind == "match"]
    assert not re.search(latin.pattern, "ថាច់ ធី") and re.search(latin.pattern, "Đức")


def test_the_sample_mkdocs_yml_configures_the_form() -> None:
    from showcase.context import read_mkdocs_yml

    _, options = read_mkdocs_yml(str(REPO / "mkdocs.yml"))
    assert options.editor.enabled and options.editor.repo and options.editor.auth_url
    assert pathlib.Path(options.editor.bundle).parts[:2] == ("editor", "node_modules")
