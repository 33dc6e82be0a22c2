/* motionscan audit report: filters and sorting on the index, review controls
 * on the document pages.  Inlined in every page and admitted by the page's
 * Content-Security-Policy by its hash.  It reads record values only from
 * data-* attributes and writes them only as text (textContent, attribute
 * values), never as HTML.  Verdicts stay in this browser (localStorage) until
 * they are downloaded as a JSON file; nothing is sent anywhere. */
(function () {
  "use strict";
  var STORE = "motionscan.verdicts.v1";
  var WHO = "motionscan.reviewer";
  var SEP = "\u001f";

  function loadVerdicts() {
    try {
      var v = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      return v && typeof v === "object" ? v : {};
    } catch (e) {
      return {};
    }
  }

  function saveVerdicts(v) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(v));
    } catch (e) { /* storage full or disabled: the download still works this session */ }
  }

  function reviewer() {
    try {
      return window.localStorage.getItem(WHO) || "";
    } catch (e) {
      return "";
    }
  }

  function count(v) {
    return Object.keys(v).length;
  }

  function showCount(v) {
    var el = document.getElementById("verdict-count");
    if (el) {
      var n = count(v);
      el.textContent = n + (n === 1 ? " verdict" : " verdicts") + " saved in this browser";
    }
  }

  /* The verdict file (format documented in the README). */
  function verdictFile() {
    var all = loadVerdicts(), list = [], who = reviewer();
    Object.keys(all).sort().forEach(function (k) {
      var v = all[k];
      if (!v.reviewer) v.reviewer = who;
      list.push(v);
    });
    return {format: "motionscan-verdicts", version: 1, exported_at: new Date().toISOString(),
            verdicts: list};
  }
  window.motionscanVerdictFile = verdictFile;

  function download() {
    var text = JSON.stringify(verdictFile(), null, 1) + "\n";
    var blob = new Blob([text], {type: "application/json"});
    var a = document.createElement("a");
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
    a.href = URL.createObjectURL(blob);
    a.download = "motionscan-verdicts-" + stamp + ".json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  }

  /* ---- index ---- */

  var FILTERS = [["type", "f-type"], ["country", "f-country"], ["status", "f-status"]];
  var CHECKS = [["due7", "f-due7"], ["detained", "f-detained"], ["nodeadline", "f-nodeadline"],
                ["low", "f-low"], ["errors", "f-errors"], ["flagged", "f-flagged"]];

  function indexPage() {
    var table = document.getElementById("docs");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sort = {col: -1, desc: false};

    function setSelect(sel, value) {
      var found = Array.prototype.some.call(sel.options, function (o) { return o.value === value; });
      if (!found && value) { /* a shared link may name a value this report lacks */
        var o = document.createElement("option");
        o.value = value;
        o.textContent = value;
        sel.appendChild(o);
      }
      sel.value = value;
    }

    function fromHash() {
      var p = new URLSearchParams(window.location.hash.replace(/^#/, ""));
      FILTERS.forEach(function (f) { setSelect(document.getElementById(f[1]), p.get(f[0]) || ""); });
      CHECKS.forEach(function (f) { document.getElementById(f[1]).checked = p.get(f[0]) === "1"; });
      var col = parseInt(p.get("sort") || "-1", 10);
      sort = {col: isNaN(col) ? -1 : col, desc: p.get("desc") === "1"};
    }

    function toHash() {
      var p = new URLSearchParams();
      FILTERS.forEach(function (f) {
        var v = document.getElementById(f[1]).value;
        if (v) p.set(f[0], v);
      });
      CHECKS.forEach(function (f) { if (document.getElementById(f[1]).checked) p.set(f[0], "1"); });
      if (sort.col >= 0) p.set("sort", String(sort.col));
      if (sort.desc) p.set("desc", "1");
      var s = p.toString();
      history.replaceState(null, "", s ? "#" + s : window.location.pathname);
    }

    function apply() {
      var type = document.getElementById("f-type").value;
      var country = document.getElementById("f-country").value;
      var status = document.getElementById("f-status").value;
      var checked = {};
      CHECKS.forEach(function (f) { checked[f[0]] = document.getElementById(f[1]).checked; });
      var attr = {due7: "due7", detained: "detained", nodeadline: "nodeadline", low: "low",
                  errors: "failed", flagged: "flagged"};
      var shown = 0;
      rows.forEach(function (r) {
        var d = r.dataset;
        var ok = (!type || d.type === type) &&
                 (!country || (d.countries || "").split(" ").indexOf(country) >= 0) &&
                 (!status || d.status === status);
        CHECKS.forEach(function (f) { ok = ok && (!checked[f[0]] || d[attr[f[0]]] === "1"); });
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (sort.col < 0) { /* the report's own order: most urgent first */
        rows.forEach(function (r) { body.appendChild(r); });
      } else {
        var sorted = rows.slice().sort(function (a, b) {
          var x = a.cells[sort.col], y = b.cells[sort.col];
          var kx = x.getAttribute("data-sort") || x.textContent;
          var ky = y.getAttribute("data-sort") || y.textContent;
          var c = kx.localeCompare(ky, undefined, {numeric: true});
          return sort.desc ? -c : c;
        });
        sorted.forEach(function (r) { body.appendChild(r); });
      }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
        th.className = i === sort.col ? (sort.desc ? "sorted desc" : "sorted asc") : "";
        if (i === sort.col) th.setAttribute("aria-sort", sort.desc ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
      document.getElementById("shown").textContent = shown + " of " + rows.length + " shown";
      document.body.setAttribute("data-shown", String(shown));
    }

    FILTERS.concat(CHECKS).forEach(function (f) {
      document.getElementById(f[1]).addEventListener("change", function () {
        toHash();
        apply();
      });
    });
    document.getElementById("f-clear").addEventListener("click", function () {
      FILTERS.forEach(function (f) { document.getElementById(f[1]).value = ""; });
      CHECKS.forEach(function (f) { document.getElementById(f[1]).checked = false; });
      toHash();
      apply();
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.addEventListener("click", function () {
        sort = {col: i, desc: sort.col === i ? !sort.desc : false};
        toHash();
        apply();
      });
    });
    window.addEventListener("hashchange", function () {
      fromHash();
      apply();
    });
    fromHash();
    apply();
  }

  /* ---- document page ---- */

  function docPage() {
    var sha = document.body.getAttribute("data-sha256") || "";
    var file = document.body.getAttribute("data-file") || "";
    var who = document.getElementById("reviewer");
    who.value = reviewer();
    who.addEventListener("input", function () {
      try { window.localStorage.setItem(WHO, who.value); } catch (e) { /* ignore */ }
    });

    function keyOf(r) {
      return sha + SEP + r.getAttribute("data-field") + SEP + (r.getAttribute("data-value") || "");
    }

    function record(r) {
      var all = loadVerdicts();
      var picked = r.querySelector("input[type=radio]:checked");
      var right = r.querySelector("input.right");
      r.classList.remove("correct", "wrong");
      if (!picked) {
        delete all[keyOf(r)];
      } else {
        r.classList.add(picked.value);
        all[keyOf(r)] = {
          sha256: sha, file: file, field: r.getAttribute("data-field"),
          value: r.hasAttribute("data-value") ? r.getAttribute("data-value") : null,
          verdict: picked.value,
          correct_value: picked.value === "wrong" && right.value !== "" ? right.value : null,
          rule: r.getAttribute("data-rule"), rule_source: r.getAttribute("data-source"),
          reviewer: who.value, time: new Date().toISOString()
        };
      }
      saveVerdicts(all);
      showCount(all);
    }

    var all = loadVerdicts();
    Array.prototype.forEach.call(document.querySelectorAll("tr.field"), function (r) {
      var v = all[keyOf(r)];
      if (v) {
        var radio = r.querySelector("input[value=" + (v.verdict === "wrong" ? "wrong" : "correct") + "]");
        radio.checked = true;
        r.classList.add(radio.value);
        if (v.correct_value != null) r.querySelector("input.right").value = v.correct_value;
      }
      Array.prototype.forEach.call(r.querySelectorAll("input"), function (i) {
        i.addEventListener(i.type === "text" ? "input" : "change", function () { record(r); });
      });
      var box = document.getElementById("ev-" + r.getAttribute("data-ev"));
      if (box) {
        r.addEventListener("mouseenter", function () { box.classList.add("hl"); });
        r.addEventListener("mouseleave", function () { box.classList.remove("hl"); });
        box.addEventListener("click", function () {
          r.scrollIntoView({block: "center"});
          r.classList.add("hl");
          setTimeout(function () { r.classList.remove("hl"); }, 1500);
        });
      }
    });
    showCount(all);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var kind = document.body.getAttribute("data-page");
    if (kind === "index") indexPage();
    else if (kind === "doc") docPage();
    var d = document.getElementById("download");
    if (d) d.addEventListener("click", download);
    showCount(loadVerdicts());
  });
})();
