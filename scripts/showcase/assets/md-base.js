// Material's inline bootstrap (partials/javascripts/base.html), moved to a
// file so that pages need no inline script (Content-Security-Policy). The
// scope is the site's root: two folders above this file (assets/showcase/),
// whatever sub-path the site is served under.
window.__md_scope = new URL("../../", document.currentScript.src);
window.__md_hash = (e) => [...e].reduce((h, c) => (h << 5) - h + c.charCodeAt(0), 0);
window.__md_get = (e, _ = localStorage, t = window.__md_scope) =>
  JSON.parse(_.getItem(t.pathname + "." + e));
window.__md_set = (e, v, t = localStorage, a = window.__md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(v));
  } catch (err) {
    // storage full or disabled: nothing to remember
  }
};
