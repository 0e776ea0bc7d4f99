// Copy buttons (no third-party script, no network): a profile's link and its
// ready-to-post caption, the feed addresses on "Theo dõi chuyên mục". Each
// button is hidden in the HTML and shown only when the browser can copy;
// without JavaScript the text stays selectable (the caption in a read-only
// text box, the addresses as links).
(function () {
  "use strict";
  var FAIL = "Không sao chép được; hãy chọn nội dung rồi nhấn Ctrl+C (hoặc giữ để sao chép).";
  var canClipboard = !!(navigator.clipboard && window.isSecureContext);
  if (!canClipboard && !(document.queryCommandSupported && document.queryCommandSupported("copy"))) { return; }

  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text; field.setAttribute("readonly", "");
    field.className = "sc-copy__buffer";
    document.body.appendChild(field); field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
    document.body.removeChild(field);
    return ok;
  }

  document.querySelectorAll("button.sc-copy").forEach(function (btn) {
    var status = btn.parentNode.querySelector(".sc-copy__status");
    var source = btn.getAttribute("data-copy-from");
    var done = btn.getAttribute("data-done") || "Đã sao chép liên kết.";
    function text() {
      if (source) { var el = document.getElementById(source); return el ? el.value : ""; }
      return btn.getAttribute("data-copy") || "";
    }
    function say(msg) { if (status) { status.textContent = msg; } }
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var value = text();
      if (canClipboard) {
        navigator.clipboard.writeText(value).then(
          function () { say(done); },
          function () { say(fallbackCopy(value) ? done : FAIL); }
        );
        return;
      }
      say(fallbackCopy(value) ? done : FAIL);
    });
  });
})();

// Search: search.js (and through it the index) is loaded the first time a
// visitor opens search, never before.
(function () {
  "use strict";
  var opener = document.querySelector(".sc-search-open");
  if (!opener) { return; }
  var loading = false;
  function open() {
    if (window.__scSearchOpen) { window.__scSearchOpen(); return; }
    if (loading) { return; }
    loading = true;
    var s = document.createElement("script");
    s.src = opener.getAttribute("data-sc-script");
    s.onerror = function () { loading = false; };
    document.head.appendChild(s);
  }
  opener.addEventListener("click", open);
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    e.preventDefault();
    open();
  });
})();
