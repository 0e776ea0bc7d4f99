"""The plugin's options: declared once, and MkDocs' config class agrees with them."""

from __future__ import annotations

import ast
import dataclasses
import inspect

from showcase import options as options_mod
from showcase.adapter.config import ShowcaseConfig
from showcase.options import Options, option_names


def test_defaults_load_without_errors_or_warnings() -> None:
    cfg = ShowcaseConfig()
    cfg.load_dict({})
    errors, warnings = cfg.validate()
    assert (errors, warnings) == ([], [])
    assert Options.from_mapping(dict(cfg)) == Options()


def test_every_option_is_known_to_mkdocs_and_documented() -> None:
    names = [f.name for f in dataclasses.fields(Options) if f.name != "extra"]
    assert list(option_names()) == names
    assert sorted(k for k, _ in ShowcaseConfig._schema) == sorted(names)
    # Each field is followed by its documentation string (what `mkdocs.yml` users read).
    tree = ast.parse(inspect.getsource(options_mod))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Options"]
    documented = {
        a.target.id
        for a, b in zip(cls.body, cls.body[1:], strict=False)
        if isinstance(a, ast.AnnAssign) and isinstance(a.target, ast.Name)
        and isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant)
        and isinstance(b.value.value, str) and b.value.value.strip()
    }
    assert set(names) <= documented


def test_unknown_options_are_warned_about_by_mkdocs() -> None:
    cfg = ShowcaseConfig()
    cfg.load_dict({"page_size": 12, "pagesize": 10})
    errors, warnings = cfg.validate()
    assert errors == [] and any(k == "pagesize" for k, _ in warnings)
    assert Options.from_mapping(dict(cfg)).page_size == 12
