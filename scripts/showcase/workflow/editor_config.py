"""Decap CMS's ``config.yml`` for the units' form, from the units and the options
(pure: no I/O, the same bytes for the same input).

One folder collection per unit: a profile's unit is its folder, so each unit's
collection writes into ``profiles/<unit>/`` and the file carries no ``unit:``
key. Only a unit active on ``today`` (the build's day) can receive a new
profile (``create: true``); a unit that closed, or has not started, keeps its
collection so that its existing profiles can still be corrected, but offers no
"new" button. Every submission follows the editorial workflow (a branch and a
pull request labelled draft / in review / ready), from a fork for a unit
editor without write access (open authoring).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import yaml

from showcase.content.units import Unit
from showcase.option_values import EditorSettings
from showcase.workflow.editor_fields import closed_state, profile_fields
from showcase.workflow.editor_types import (
    Backend,
    Collection,
    EditorConfig,
    LocalBackend,
    data,
)

# Pull requests and commits in Vietnamese: the board reads their titles.
COMMIT_MESSAGES = {
    "create": "Hồ sơ mới: {{path}}",
    "update": "Sửa hồ sơ: {{path}}",
    "delete": "Xóa hồ sơ: {{path}}",
    "uploadMedia": "Tải ảnh: {{path}}",
    "deleteMedia": "Xóa ảnh: {{path}}",
    "openAuthoring": "{{message}} (của @{{author-login}})",
}
CLOSED_MARK = "(không nhận hồ sơ mới)"  # bien-tap.js takes it off the unit's name
HEADER = (
    "# Cấu hình biểu mẫu nhập hồ sơ (Decap CMS), do 'showcase' tạo từ profiles/units.yml và\n"
    "# quy định hồ sơ ngày {day}. Không sửa tay: dựng lại trang để cập nhật.\n"
)


def collection(unit: Unit, profiles_dir: str, today: dt.date) -> Collection:
    closed = closed_state(unit, today)
    if closed is None:
        note = "Bấm \"Tạo hồ sơ\" để viết hồ sơ gương điển hình do đơn vị giới thiệu."
        label = unit.name
    else:
        note = f"Đơn vị {closed}: chỉ sửa được các hồ sơ đã có, không tạo hồ sơ mới."
        label = f"{unit.name} {CLOSED_MARK}"
    return Collection(
        name=unit.id, label=label, description=note, folder=f"{profiles_dir}/{unit.id}",
        create=closed is None, fields=profile_fields(unit, today),
        # "+ Tạo hồ sơ của Thư viện tỉnh", and so in the header's menu of units.
        label_singular=f"hồ sơ của {unit.name}",
    )


def backend(settings: EditorSettings) -> Backend:
    return Backend(
        name="github", repo=settings.repo, branch=settings.branch, base_url=settings.auth_url,
        auth_endpoint=settings.auth_endpoint, auth_scope=settings.auth_scope,
        open_authoring=True,
        commit_messages=COMMIT_MESSAGES,
    )


def editor_config(units: Iterable[Unit], profiles_dir: str, today: dt.date,
                  settings: EditorSettings, site_url: str, logo_url: str = "") -> EditorConfig:
    """The form for ``units`` (active ones first, each group in the order of
    ``units.yml``), saving to the GitHub repository of ``settings``."""
    ordered = sorted(units, key=lambda u: not u.active_on(today))
    local = LocalBackend(settings.local_backend) if settings.local_backend else None
    return EditorConfig(
        backend=backend(settings), collections=tuple(
            collection(u, profiles_dir, today) for u in ordered),
        site_url=site_url, local_backend=local, logo_url=logo_url,
    )


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order given, every string as written."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def config_yaml(config: EditorConfig, today: dt.date) -> str:
    """``config.yml``: Vietnamese unescaped, keys in declaration order."""
    text = yaml.dump(data(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
    return HEADER.format(day=today.isoformat()) + text
