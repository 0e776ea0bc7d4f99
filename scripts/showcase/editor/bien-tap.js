/* The units' form (Decap CMS) at quan-tri/: what the profile check applies
 * across fields, applied in the form before anything is saved; what is saved,
 * cleaned as the format wants it; the preview pane, in the site's own layout.
 *
 * No build step: Decap's bundle (loaded before this file) gives `CMS`, `h`
 * (React.createElement) and `createClass`. The rules themselves, with their
 * Vietnamese messages, are written by `showcase` under each field's `rules`
 * key in config.yml (scripts/showcase/workflow/editor_fields.py); this file
 * only knows how to apply each kind (RULES below: the same list as
 * editor_types.RULE_KINDS, a test keeps them equal).
 */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;

  // ---- values -----------------------------------------------------------
  function isEmpty(v) {
    if (v === null || v === undefined || v === "") return true;
    if (typeof v === "string") return v.trim() === "";
    if (typeof v.size === "number") return v.size === 0;  // Immutable List / Map
    if (Array.isArray(v)) return v.length === 0;
    return false;
  }
  function text(v) { return v === null || v === undefined ? "" : String(v); }
  function valueAt(entry, path) {
    return entry ? entry.getIn(["data"].concat(path.split("."))) : undefined;
  }
  // The check counts characters (code points) of the NFC text, trimmed, with runs
  // of spaces as one in one-line fields (content/fields.py, Reader.text).
  function length(value, oneLine) {
    var s = text(value).normalize("NFC").trim();
    if (oneLine) s = s.split(/\s+/).join(" ");
    return Array.from(s).length;
  }
  // Today in the province, whatever the computer's time zone.
  function todayInProvince() {
    return new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit",
    }).format(new Date());
  }
  function vnDate(iso) { var p = iso.split("-"); return p[2] + "/" + p[1] + "/" + p[0]; }
  function baseName(path) { return text(path).split("/").pop(); }

  // ---- the rules --------------------------------------------------------
  // Each takes (value, rule, entry, field) and returns an error message or "".
  var RULES = {
    length: function (v, r, entry, field) {
      if (isEmpty(v)) return "";
      var n = length(v, field.get("widget") !== "text");
      var low = r.get("min"), high = r.get("max");
      if ((low && n < low) || (high && n > high)) {
        return r.get("message").replace(/\.$/, "") + " (đang có " + n + " ký tự).";
      }
      return "";
    },
    forbid: function (v, r) {
      return !isEmpty(v) && new RegExp(r.get("pattern"), "u").test(text(v)) ? r.get("message") : "";
    },
    khmer: function (v, r) {
      if (isEmpty(v)) return "";
      var allowed = new RegExp("^" + r.get("pattern") + "+$", "u");
      var s = text(v).normalize("NFC").trim();
      return allowed.test(s) && /[\u1780-\u17ff\u19e0-\u19ff]/u.test(s) ? "" : r.get("message");
    },
    match: function (v, r, entry, field) {
      if (isEmpty(v)) return "";
      var value = field.get("widget") === "image" ? baseName(v) : text(v);
      return new RegExp(r.get("pattern"), r.get("flags") || "").test(value) ? "" : r.get("message");
    },
    not_future: function (v, r) {
      var today = todayInProvince();
      return !isEmpty(v) && text(v) > today ? r.get("message").replace("{today}", vnDate(today)) : "";
    },
    date_min: function (v, r) { return !isEmpty(v) && text(v) < r.get("date") ? r.get("message") : ""; },
    date_max: function (v, r) { return !isEmpty(v) && text(v) > r.get("date") ? r.get("message") : ""; },
    on_or_after: function (v, r, entry) {
      var other = valueAt(entry, r.get("field"));
      return !isEmpty(v) && !isEmpty(other) && text(v) < text(other) ? r.get("message") : "";
    },
    file_year: function (v, r, entry) {
      // A saved profile keeps its file name; its year is the year it was introduced.
      var slug = entry && !entry.get("newRecord") ? text(entry.get("slug")) : "";
      var year = /^(\d{4})-/.exec(slug);
      return year && !isEmpty(v) && text(v).slice(0, 4) !== year[1]
        ? r.get("message").replace("{year}", year[1]) : "";
    },
    required_if: function (v, r, entry) {
      var other = text(valueAt(entry, r.get("field")));
      return isEmpty(v) && r.get("values").includes(other) ? r.get("message") : "";
    },
    required_with: function (v, r, entry) {
      return isEmpty(v) && !isEmpty(valueAt(entry, r.get("field"))) ? r.get("message") : "";
    },
    only_with: function (v, r, entry) {
      return !isEmpty(v) && isEmpty(valueAt(entry, r.get("field"))) ? r.get("message") : "";
    },
    no_html: function (v, r) {
      return !isEmpty(v) && /<\/?[A-Za-z!?][^>]*>/.test(text(v)) ? r.get("message") : "";
    },
    no_new: function (v, r, entry) {
      return entry && entry.get("newRecord") ? r.get("message") : "";
    },
  };
  window.SHOWCASE_RULE_KINDS = Object.keys(RULES);

  function problems(props) {
    var rules = props.field.get("rules");
    if (!rules) return [];
    var out = [];
    rules.forEach(function (r) {
      var apply = RULES[r.get("kind")];
      var message = apply ? apply(props.value, r, props.entry, props.field) : "";
      if (message) out.push(message);
    });
    return out;
  }

  // A field required only sometimes (consent for individuals and households, a
  // photo's description) is optional for Decap, which marks its label "(không bắt
  // buộc)": the label and hint say when it is required instead.
  var CONDITIONAL = ["required_if", "required_with"];
  function conditional(field) {
    var rules = field.get("rules"), kids = field.get("fields");
    return Boolean((rules && rules.some(function (r) { return CONDITIONAL.includes(r.get("kind")); })) ||
      (kids && kids.some(conditional)));
  }
  var marks = null;
  function hideOptionalMark(forID) {
    if (!marks) { marks = document.createElement("style"); document.head.appendChild(marks); }
    marks.sheet.insertRule('label[for="' + CSS.escape(forID) + '"] > span { display: none; }');
  }

  // A built-in widget, with the field's rules added to its own validation.
  // Decap's Widget asks the control for isValid() (and calls validate() on it
  // when it has one); it also lets the control decide when to re-render, which
  // is how this wrapper sees the latest entry (the rules read other fields).
  function withRules(name) {
    var original = CMS.getWidget(name);
    if (!original) return;
    var Inner = original.control;
    var Wrapped = createClass({
      displayName: "Rules(" + name + ")",
      keep: function (ref) { this.inner = ref; },
      componentDidMount: function () {
        if (conditional(this.props.field)) hideOptionalMark(this.props.forID);
      },
      latestProps: function () { return this.latest || this.props; },
      shouldComponentUpdate: function (next) {
        var prev = this.props;
        this.latest = next;
        if (this.inner && this.inner.shouldComponentUpdate) {
          return this.inner.shouldComponentUpdate(next);
        }
        return prev.value !== next.value || prev.classNameWrapper !== next.classNameWrapper ||
          prev.hasActiveStyle !== next.hasActiveStyle;
      },
      isValid: function () {
        var own = this.inner && this.inner.isValid ? this.inner.isValid() : { error: false };
        if (own && own.error) return own;
        var found = problems(this.latestProps());
        if (!found.length) return own;
        return { error: { type: "CUSTOM", message: found.join(" ") } };
      },
      validate: function () {
        if (this.inner && this.inner.validate) this.inner.validate();
        this.props.validate();
      },
      focus: function (path) {
        if (this.inner && this.inner.focus) this.inner.focus(path);
        else { var el = document.getElementById(this.props.forID); if (el) el.focus(); }
      },
      getValidateValue: function () {
        return this.inner && this.inner.getValidateValue ? this.inner.getValidateValue() : this.props.value;
      },
      render: function () {
        this.latest = this.props;
        return h(Inner, Object.assign({}, this.props, { ref: this.keep }));
      },
    });
    var entry = Object.assign({}, original, { name: name, controlComponent: Wrapped,
      previewComponent: original.preview });
    delete entry.control;
    delete entry.preview;
    CMS.registerWidget(entry);
  }
  ["string", "text", "datetime", "image", "markdown", "object"].forEach(withRules);

  // ---- what is saved ----------------------------------------------------
  // A field typed in and then cleared is an empty string for Decap, which the
  // check refuses ("trường để trống"): leave it out, like a field never touched.
  // Text is stored in NFC, as the check reads it.
  function clean(value) {
    if (typeof value === "string") return value.normalize("NFC");
    if (value && typeof value.filter === "function" && typeof value.map === "function") {
      var out = value.map(clean).filter(function (v) { return !isEmpty(v); });
      return out;
    }
    return value;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (args) { return clean(args.entry.get("data")); },
  });

  // Decap asks this in English when a photo of the same name is uploaded again.
  var confirm = window.confirm.bind(window);
  window.confirm = function (message) {
    var m = /^(.*) already exists\. Do you want to replace it\?$/.exec(text(message));
    return confirm(m ? "Đã có ảnh " + m[1] + ". Thay ảnh cũ bằng ảnh này?" : message);
  };

  // ---- the preview pane: the profile page's header and facts block --------
  // (templates/showcase/profile.html, with the site's own stylesheet).
  function labelOf(collection, name, value) {
    var field = collection.get("fields").find(function (f) { return f.get("name") === name; });
    var option = field && field.get("options").find(function (o) { return o.get("value") === value; });
    return option ? option.get("label") : text(value);
  }
  function fact(term, value) {
    return value ? [h("dt", { key: term + "t" }, term), h("dd", { key: term + "d" }, value)] : [];
  }
  function records(title, list) {
    if (!list || !list.size) return null;
    return [h("h2", { key: "h" }, title), h("ul", { key: "l", className: "sc-records" },
      list.toArray().map(function (r, i) {
        return h("li", { key: i }, h("span", { className: "sc-year" }, text(r.get("year"))),
          " ", text(r.get("text")));
      }))];
  }
  var Preview = createClass({
    render: function () {
      var p = this.props, data = p.entry.get("data"), c = p.collection;
      var get = function (k) { return text(data.get(k)); };
      var name = get("name") || "Chưa có tên";
      var title = get("title");
      var photo = get("photo");
      var kind = labelOf(c, "kind", get("kind"));
      var field = labelOf(c, "field", get("field"));
      var sectors = (data.get("sectors") || []).map(function (s) { return labelOf(c, "sectors", s); });
      var unit = text(c.get("label")).replace(/ \(không nhận hồ sơ mới\)$/, "");
      var introduced = get("introduced"), published = get("published");
      // As publish/pages.py initials(): the last two words, Latin ones first.
      var words = get("name").split(/\s+/).filter(function (w) { return /^[\p{L}\p{N}]/u.test(w); });
      var latin = words.filter(function (w) { return /^\p{Script=Latin}/u.test(w); });
      var initials = (latin.length ? latin : words).slice(-2).map(function (w) {
        return Array.from(w)[0]; }).join("").toUpperCase();
      return h("div", { className: "md-typeset sc-editor-preview", "data-md-color-scheme": "default",
        "data-md-color-primary": "custom", "data-md-color-accent": "custom" },
        h("article", { className: "sc-profile" },
          h("header", { className: "sc-profile__header" },
            photo
              ? h("img", { className: "sc-profile__photo", src: text(p.getAsset(photo)), alt: get("photo_alt") })
              : h("div", { className: "sc-ph sc-profile__photo", "aria-hidden": "true" },
                  h("span", null, initials)),
            h("div", { className: "sc-profile__heading" },
              h("p", { className: "sc-kicker" }, kind, field ? " · Lĩnh vực " + field.split(")")[0] : ""),
              h("h1", null, name),
              get("name_km") ? h("p", { className: "sc-name-km", lang: "km" }, get("name_km")) : null,
              title && title !== name ? h("p", { className: "sc-headline" }, title) : null,
              h("p", { className: "sc-lead" }, get("summary")))),
          h("dl", { className: "sc-facts" },
            fact("Đơn vị giới thiệu", unit), fact("Lĩnh vực", field),
            fact("Ngành", sectors.join ? sectors.join(", ") : sectors.toArray().join(", ")),
            fact("Loại", kind), fact("Địa bàn", get("location")),
            fact("Phong trào thi đua", get("movement")),
            fact("Ngày giới thiệu", introduced ? vnDate(introduced) : ""),
            fact("Ngày công bố", published ? vnDate(published) : "chưa có (Ban biên tập ghi khi duyệt)")),
          h("div", { className: "sc-story" }, p.widgetFor("body")),
          records("Thành tích", data.get("achievements")),
          records("Khen thưởng", data.get("commendations"))));
    },
  });
  var names = (document.body.getAttribute("data-collections") || "").split(" ");
  names.forEach(function (n) { if (n) CMS.registerPreviewTemplate(n, Preview); });
  CMS.registerPreviewStyle("xem-truoc.css");
})();
