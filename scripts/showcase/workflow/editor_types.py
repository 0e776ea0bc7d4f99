"""The units' form as typed values: Decap CMS's configuration, before it is YAML.

:mod:`showcase.workflow.editor_fields` makes the fields from the profile format,
:mod:`showcase.workflow.editor_config` the collections from the units; this
module holds the types and their one serialisation (:func:`data`), which
leaves out every attribute at its default so that the written ``config.yml``
says only what differs from Decap's own defaults.

``Rule`` is ours, not Decap's: Decap validates presence and a regular
expression only, so the rules the profile check applies across fields (consent
required for individuals and households, a photo's description, dates not in
the future or outside the unit's time) are written under each field's
``rules`` key and applied in the browser by ``bien-tap.js``, with the message
given here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Rule:
    """A check ``bien-tap.js`` applies to one field; ``message`` names the field."""

    kind: str  # see RULE_KINDS
    message: str
    field: str = ""  # another field's path ("kind", "consent.date") the rule looks at
    values: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    date: str = ""  # YYYY-MM-DD
    pattern: str = ""  # a JavaScript regular expression (source)
    flags: str = ""


# What bien-tap.js knows how to apply (a test keeps the two lists equal).
RULE_KINDS = (
    "length",        # min..max characters, counted as the check counts them
    "forbid",        # no character matching ``pattern``
    "khmer",         # only characters of ``pattern``, and at least one Khmer letter
    "match",         # the value (a photo: its file name) matches ``pattern`` (``flags``)
    "not_future",    # a date not after today in Asia/Ho_Chi_Minh
    "date_min",      # a date on or after ``date``
    "date_max",      # a date on or before ``date``
    "on_or_after",   # a date on or after the date in ``field`` (when both are set)
    "file_year",     # an existing profile: the year of its file name
    "required_if",   # required when ``field`` has one of ``values``
    "required_with",  # required when ``field`` is set
    "only_with",     # must stay empty while ``field`` is empty
    "no_html",       # no raw HTML in the story
    "no_new",        # the unit takes no new profile (closed, or not yet started)
)


@dataclass(frozen=True)
class Option:
    label: str
    value: str


@dataclass(frozen=True)
class Field:
    """One of Decap's fields (its ``widget`` and that widget's options)."""

    name: str
    label: str
    widget: str
    required: bool = True
    hint: str = ""
    default: str | None = None
    options: tuple[Option, ...] = ()
    multiple: bool = False
    min: int | None = None
    max: int | None = None
    value_type: str = ""
    format: str = ""
    date_format: str = ""
    time_format: bool | None = None
    picker_utc: bool | None = None
    choose_url: bool | None = None
    collapsed: bool | None = None
    summary: str = ""
    label_singular: str = ""
    allow_add: bool | None = None
    buttons: tuple[str, ...] | None = None
    editor_components: tuple[str, ...] | None = None
    modes: tuple[str, ...] | None = None
    fields: tuple[Field, ...] = ()
    rules: tuple[Rule, ...] = ()

    def child(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True)
class Collection:
    """One unit's folder of profiles."""

    name: str  # the unit's id
    label: str
    description: str
    folder: str  # profiles/<unit>
    create: bool  # only units active on the day the form is built take new profiles
    fields: tuple[Field, ...]
    label_singular: str = ""
    delete: bool = False  # never from the form: the board removes profiles by pull request
    extension: str = "md"
    format: str = "yaml-frontmatter"
    slug: str = "{{fields.introduced | date('YYYY')}}-{{slug}}"
    identifier_field: str = "name"
    summary: str = "{{name}} · giới thiệu {{introduced | date('DD/MM/YYYY')}}"
    sortable_fields: tuple[str, ...] = ("name", "introduced")
    media_folder: str = ""  # the photo sits next to its profile
    public_folder: str = ""  # and `photo:` holds its bare file name


@dataclass(frozen=True)
class Backend:
    name: str  # "github" (the units' form) or "proxy" (decap-server)
    repo: str = ""
    branch: str = "main"
    base_url: str = ""
    auth_endpoint: str = ""
    auth_scope: str = ""
    open_authoring: bool | None = None
    proxy_url: str = ""
    commit_messages: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Slug:
    encoding: str = "ascii"
    clean_accents: bool = True
    sanitize_replacement: str = "-"


@dataclass(frozen=True)
class LocalBackend:
    url: str
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")


@dataclass(frozen=True, kw_only=True)
class EditorConfig:
    """The whole configuration, in the order ``config.yml`` lists it."""

    backend: Backend
    local_backend: LocalBackend | None = None
    locale: str = "vi"
    publish_mode: str = "editorial_workflow"
    site_url: str
    logo_url: str = ""
    show_preview_links: bool = False
    slug: Slug = Slug()
    # Required by Decap at the top, and what its "Ảnh" page lists; each unit's
    # collection keeps its photos in its own folder.
    media_folder: str = "profiles"
    public_folder: str = ""
    collections: tuple[Collection, ...]


# Written even when empty or false: Decap's own default differs, or says nothing.
_ALWAYS = {"create", "delete", "media_folder", "public_folder", "show_preview_links",
           "editor_components"}


def data(value: Any) -> Any:
    """``value`` as plain YAML data: dataclasses become mappings without their
    defaults (``required`` and a few others always written), tuples become lists.

    Equal fields give the same mapping object, which YAML writes once and refers
    to after (``&id001`` ... ``*id001``): the units' collections share their fields.
    """
    if isinstance(value, Field):
        return _field_data(value)
    return _data(value)


@lru_cache(maxsize=1024)
def _field_data(value: Field) -> Any:
    return _data(value)


def _data(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in fields(value):
            v = getattr(value, f.name)
            empty = (isinstance(v, (str, tuple, dict)) and not v) or (
                v is False and f.default is False)
            if v is None or (empty and f.name not in _ALWAYS):
                continue
            out[f.name] = data(v)
        return out
    if isinstance(value, tuple):
        return [data(v) for v in value]
    if isinstance(value, Mapping):
        return {k: data(v) for k, v in value.items()}
    return value
