"""Every page of the sample site through the Nu HTML Checker (npm vnu-jar, local Java)."""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
VNU = pathlib.Path(__file__).resolve().parent / "node_modules" / "vnu-jar" / "build" / "dist" \
    / "vnu.jar"
# Material's own base.html (not our templates) puts autocomplete="off" on its two
# hidden checkbox toggles, to stop Firefox restoring an open drawer on "back".
MATERIAL = ("Attribute “autocomplete” is only allowed when the input type is",)


def test_every_page_passes_the_nu_html_checker(sample_site):
    java = shutil.which("java")
    if not (java and VNU.is_file()):
        pytest.skip("java or vnu-jar missing: run `make browser-deps`")
    pages = sorted(str(p) for p in sample_site.rglob("*.html"))
    assert len(pages) > 40
    r = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                       capture_output=True, text=True, check=False, timeout=240)
    messages = json.loads(r.stderr or r.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    ours = [m for m in errors if not m["message"].startswith(MATERIAL)]
    assert not ours, json.dumps(
        [{"file": m.get("url", "")[-60:], "line": m.get("lastLine"), "message": m["message"],
          "extract": m.get("extract")} for m in ours[:20]], ensure_ascii=False, indent=1)
    # the allowed ones really are Material's checkbox toggles
    for m in errors:
        assert 'class="md-toggle"' in m.get("extract", ""), m
