/*! palabre count — AGPL-3.0-or-later. Fills every [data-palabre-count="THREAD"] element with
 * « N commentaires », one /api/counts request per site (one in all for the usual single site).
 * <script src="https://comments.example/count.js" data-palabre-site="S" data-palabre-lang="fr" async></script> */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[src*='count.js']");
  var src = script ? script.src : "";
  function attr(el, name, fallback) {
    var v = el && el.getAttribute("data-palabre-" + name);
    return v == null || v === "" ? fallback : v;
  }
  var base = attr(script, "api", src.replace(/\/(static\/widget\/)?count\.js([?#].*)?$/, ""));
  var lang = attr(script, "lang", document.documentElement.lang || "fr").toLowerCase().slice(0, 2) === "en" ? "en" : "fr";
  var defaultSite = attr(script, "site", "default");
  var nf = new Intl.NumberFormat(lang === "en" ? "en" : "fr-FR");
  var WORDS = lang === "en" ? ["No comments", "1 comment", " comments"] : ["Aucun commentaire", "1 commentaire", " commentaires"];

  function label(n) { return n === 0 ? WORDS[0] : n === 1 ? WORDS[1] : nf.format(n) + WORDS[2]; }

  function fetchCounts(site, threads) {
    var qs = "site=" + encodeURIComponent(site) + threads.map(function (k) { return "&thread=" + encodeURIComponent(k); }).join("");
    var init = { headers: { Accept: "application/json" }, credentials: "omit" };
    var url = base + "/api/counts?" + qs;
    if (url.length > 1800) {
      url = base + "/api/counts";
      init = { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ site: site, threads: threads }), credentials: "omit" };
    }
    return fetch(url, init).then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  }

  function fill() {
    var bySite = {};
    document.querySelectorAll("[data-palabre-count]").forEach(function (el) {
      var key = el.getAttribute("data-palabre-count");
      if (!key) return;
      var site = attr(el, "site", defaultSite);
      (bySite[site] = bySite[site] || { keys: [], els: [] }).els.push(el);
      if (bySite[site].keys.indexOf(key) < 0) bySite[site].keys.push(key);
    });
    return Promise.all(Object.keys(bySite).map(function (site) {
      var group = bySite[site];
      return fetchCounts(site, group.keys).then(function (data) {
        var counts = data.counts || {};
        group.els.forEach(function (el) {
          var n = counts[el.getAttribute("data-palabre-count")];
          if (typeof n !== "number") n = 0;
          el.textContent = label(n);
          el.setAttribute("data-palabre-count-value", String(n));
        });
      }).catch(function () { /* leave the page's own fallback text */ });
    }));
  }

  window.Palabre = window.Palabre || {};
  window.Palabre.count = fill;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();
