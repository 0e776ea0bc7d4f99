import pathlib

from showcase.publish.pages import csp

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def test_policy_is_strict():
    policy = csp.meta_policy()
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    assert "frame-ancestors" not in policy  # ignored in a meta element
    assert "frame-ancestors 'self'" in csp.header_policy()


def test_readme_documents_the_current_headers():
    text = README.read_text(encoding="utf-8")
    assert csp.nginx_snippet() in text
    assert csp.apache_snippet() in text
