// Copy-link button on profile pages (no third-party script). The button is
// hidden in the HTML and shown only when the browser can copy or share.
(function () {
  "use strict";
  document.querySelectorAll("button.sc-copy[data-copy]").forEach(function (btn) {
    var status = btn.parentNode.querySelector(".sc-copy__status");
    var url = btn.getAttribute("data-copy");
    function say(text) { if (status) { status.textContent = text; } }
    if (!(navigator.clipboard && window.isSecureContext) && !document.queryCommandSupported) { return; }
    btn.hidden = false;
    btn.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(
          function () { say("Đã sao chép liên kết."); },
          function () { say("Không sao chép được; hãy sao chép địa chỉ trên thanh trình duyệt."); }
        );
        return;
      }
      var field = document.createElement("textarea");
      field.value = url; field.setAttribute("readonly", ""); field.style.position = "fixed"; field.style.opacity = "0";
      document.body.appendChild(field); field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      document.body.removeChild(field);
      say(ok ? "Đã sao chép liên kết." : "Không sao chép được; hãy sao chép địa chỉ trên thanh trình duyệt.");
    });
  });
})();

// Search: the button is shown only with JavaScript; search.js (and through it
// the index) is loaded the first time a visitor opens search, never before.
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
  opener.hidden = false;
  opener.addEventListener("click", open);
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    e.preventDefault();
    open();
  });
})();
