/*! palabre widget — AGPL-3.0-or-later. Vanilla ES2019, no build step, one IIFE.
 * <script src="https://comments.example/widget.js" data-palabre-thread="KEY" async></script>
 * Renders into <div id="palabre-thread"> when present, else right after the script tag.
 * User data is only ever written with textContent; the server's sanitised `html` is re-filtered
 * through an allow-list before it is inserted. */
(function () {
  "use strict";
  var VERSION = "0.1.0";
  var script = document.currentScript || document.querySelector("script[data-palabre-thread]");
  if (!script || script.getAttribute("data-palabre-ready")) return;
  script.setAttribute("data-palabre-ready", "1");

  /* ---------- strings (French default, English second) ---------- */
  var STRINGS = {
    fr: {
      count0: "Aucun commentaire", count1: "1 commentaire", countN: "{n} commentaires",
      region: "Commentaires",
      name: "Nom (facultatif)", email: "E-mail (facultatif, jamais publié)",
      text: "Votre commentaire", replyText: "Votre réponse à {name}", hp: "Ne pas remplir ce champ",
      counter: "{n} / {max} caractères", over: "{n} caractères de trop", over1: "1 caractère de trop",
      publish: "Publier", sending: "Envoi…", cancel: "Annuler", save: "Enregistrer",
      anonymous: "Anonyme", verified: "Vérifié", edited: "modifié", pending: "En attente de modération", checking: "En cours de vérification…",
      reply: "Répondre", replyTo: "Répondre à {name}", report: "Alerter", edit: "Modifier",
      del: "Supprimer", deleted: "Commentaire supprimé", hidden: "Commentaire indisponible",
      more: "Afficher les commentaires précédents", loading: "Chargement des commentaires…",
      loaded: "{n} commentaires précédents affichés.", empty: "Soyez le premier à réagir.",
      loadError: "Les commentaires n’ont pas pu être chargés.", retry: "Réessayer",
      network: "Le serveur de commentaires est injoignable. Votre texte est conservé, réessayez dans un instant.",
      reportTitle: "Signaler ce commentaire à la modération", reason: "Motif du signalement",
      details: "Précisions (facultatif)", sendReport: "Envoyer le signalement",
      chooseReason: "Choisissez un motif.", reportDone: "Merci, votre signalement a été transmis.",
      confirmDel: "Supprimer définitivement ce commentaire ?", yesDel: "Oui, supprimer",
      delDone: "Votre commentaire a été supprimé.", editUntil: "Modifiable jusqu’à {t}",
      editText: "Modifier votre commentaire",
      ok: "Votre commentaire est publié.", held: "Votre commentaire est en attente de modération.",
      refused: "Votre commentaire n’a pas été publié.", clauses: "Règles de la charte concernées :",
      words: "Mots en cause : {w}", quote: "« {w} »", list: ", ",
      feedOnly: "Suivez les nouveaux commentaires de cet article avec son flux Atom :",
      now: "à l’instant", by: "Commentaire de {name}",
      hintTitle: "Avant de publier :", hintFix: "Remplacer « {a} » par « {b} »",
      hintClause: "Votre texte pourrait enfreindre la charte : {c}",
      hintAnyway: "Vous pouvez corriger ou publier tel quel.",
      follow: "Suivre les commentaires", followEmail: "Votre adresse e-mail", followMode: "Recevoir",
      followNow: "un e-mail à chaque commentaire", followDigest: "un résumé par jour",
      followSend: "Suivre", feed: "Flux Atom des commentaires",
      statement: "Voir les motifs de la décision et la contester",
      illegal: "Signaler un contenu illicite", illegalTitle: "Signaler un contenu illicite (règlement européen sur les services numériques, art.\u00a016)",
      category: "Catégorie", explanation: "Pourquoi ce contenu est-il illicite ?", yourName: "Votre nom",
      yourEmail: "Votre adresse e-mail (accusé de réception et décision)",
      goodFaith: "Je déclare de bonne foi que les informations de ce signalement sont exactes et complètes.",
      sendIllegal: "Envoyer le signalement"
    },
    en: {
      count0: "No comments", count1: "1 comment", countN: "{n} comments",
      region: "Comments",
      name: "Name (optional)", email: "E-mail (optional, never shown)",
      text: "Your comment", replyText: "Your reply to {name}", hp: "Leave this field empty",
      counter: "{n} / {max} characters", over: "{n} characters too many", over1: "1 character too many",
      publish: "Post", sending: "Sending…", cancel: "Cancel", save: "Save",
      anonymous: "Anonymous", verified: "Verified", edited: "edited", pending: "Awaiting moderation", checking: "Being checked…",
      reply: "Reply", replyTo: "Reply to {name}", report: "Report", edit: "Edit",
      del: "Delete", deleted: "Comment deleted", hidden: "Comment unavailable",
      more: "Show earlier comments", loading: "Loading comments…",
      loaded: "{n} earlier comments shown.", empty: "Be the first to comment.",
      loadError: "Comments could not be loaded.", retry: "Try again",
      network: "The comment server cannot be reached. Your text is kept; please try again shortly.",
      reportTitle: "Report this comment to the moderators", reason: "Reason",
      details: "Details (optional)", sendReport: "Send report",
      chooseReason: "Please choose a reason.", reportDone: "Thank you, your report has been sent.",
      confirmDel: "Delete this comment for good?", yesDel: "Yes, delete",
      delDone: "Your comment has been deleted.", editUntil: "Editable until {t}",
      editText: "Edit your comment",
      ok: "Your comment is published.", held: "Your comment is awaiting moderation.",
      refused: "Your comment was not published.", clauses: "Charter rules concerned:",
      words: "Words at issue: {w}", quote: "“{w}”", list: ", ",
      feedOnly: "Follow the new comments on this article with its Atom feed:",
      now: "just now", by: "Comment by {name}",
      hintTitle: "Before you post:", hintFix: "Replace “{a}” with “{b}”",
      hintClause: "Your text may break the charter: {c}",
      hintAnyway: "You may fix it or post it as it is.",
      follow: "Follow the comments", followEmail: "Your e-mail address", followMode: "Receive",
      followNow: "an e-mail for each comment", followDigest: "a daily digest",
      followSend: "Follow", feed: "Atom feed of the comments",
      statement: "See the reasons for the decision and contest it",
      illegal: "Notify illegal content", illegalTitle: "Notice of illegal content (EU Digital Services Act, art. 16)",
      category: "Category", explanation: "Why is this content illegal?", yourName: "Your name",
      yourEmail: "Your e-mail address (acknowledgement and decision)",
      goodFaith: "I declare in good faith that the information in this notice is accurate and complete.",
      sendIllegal: "Send the notice"
    }
  };

  function attr(name, fallback) {
    var v = script.getAttribute("data-palabre-" + name);
    return v == null || v === "" ? fallback : v;
  }
  var langAttr = (attr("lang", document.documentElement.lang || "fr")).toLowerCase();
  var lang = langAttr.slice(0, 2) === "en" ? "en" : "fr";
  /* French typography (as palabre.typography.french on the server): no-break space before « : »,
     narrow no-break space before « ; ! ? », no-break spaces inside « », apostrophe ’. */
  function french(text) {
    return String(text).split(/(\{\w+\})/).map(function (part, i) {
      if (i % 2) return part;
      return part.replace(/([A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ])/g, "$1’")
        .replace(/«[ \u00a0\u202f]*/g, "«\u00a0").replace(/[ \u00a0\u202f]*»/g, "\u00a0»")
        .replace(/[ \u00a0\u202f]*:(?=\s|$)/g, "\u00a0:")
        .replace(/[ \u00a0\u202f]*([;!?])(?=\s|$|[»)"])/g, "\u202f$1");
    }).join("");
  }
  Object.keys(STRINGS.fr).forEach(function (k) { STRINGS.fr[k] = french(STRINGS.fr[k]); });
  var S = STRINGS[lang];
  function t(key, vars) {
    return S[key].replace(/\{(\w+)\}/g, function (_, k) { return vars && vars[k] != null ? vars[k] : ""; });
  }

  var src = script.src;
  var base = attr("api", src.replace(/\/(static\/widget\/)?widget\.js([?#].*)?$/, ""));
  var cssHref = /\/static\/widget\/widget\.js/.test(src)
    ? src.replace(/widget\.js([?#].*)?$/, "widget.css") : base + "/static/widget/widget.css";
  var canonical = document.querySelector("link[rel=canonical]");
  var pageUrl = canonical ? canonical.href : location.origin + location.pathname;
  var site = attr("site", "default");
  var sso = attr("sso", "") || (window.Palabre && window.Palabre.user) || null;
  var threadKey = attr("thread", pageUrl);
  var threadTitle = attr("title", document.title);
  var pageSize = parseInt(attr("limit", "20"), 10) || 20;
  var nf = new Intl.NumberFormat(lang === "en" ? "en" : "fr-FR");

  var state = { config: { max_length: 5000, report_reasons: [], edit_window_seconds: 900, mail: true }, cursor: null };
  var ui = {};
  var uidN = 0;
  function uid(p) { uidN += 1; return "palabre-" + p + "-" + uidN; }

  /* ---------- DOM helpers: text only, never innerHTML with user data ---------- */
  function h(tag, props, kids) {
    var el = document.createElement(tag);
    var k;
    for (k in props || {}) {
      var v = props[k];
      if (v == null || v === false) continue;
      if (k === "text") el.textContent = v;
      else if (k === "class") el.className = v;
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    (kids || []).forEach(function (c) { if (c != null && c !== false) el.append(c); });
    return el;
  }

  var ALLOWED = { P: 1, BR: 1, A: 1, EM: 1, STRONG: 1, I: 1, B: 1, U: 1, S: 1, DEL: 1, BLOCKQUOTE: 1,
    UL: 1, OL: 1, LI: 1, CODE: 1, PRE: 1, SPAN: 1 };
  /* The server sanitises; this inert <template> pass is defence in depth. */
  function safeHtml(html) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html || "";
    (function clean(node) {
      Array.prototype.slice.call(node.children).forEach(function (el) {
        clean(el);
        var tag = el.tagName.toUpperCase(); /* svg/math children report lower-case names */
        if (!ALLOWED[tag]) {
          if (/^(SCRIPT|STYLE|IFRAME|OBJECT|EMBED|TEMPLATE|SVG|MATH|NOSCRIPT)$/.test(tag)) el.remove();
          else el.replaceWith.apply(el, Array.prototype.slice.call(el.childNodes));
          return;
        }
        Array.prototype.slice.call(el.attributes).forEach(function (a) {
          var keep = (a.name === "href" && /^(https?:|mailto:)/i.test(a.value.trim())) || a.name === "title";
          if (!keep) el.removeAttribute(a.name);
        });
        if (tag === "A") el.setAttribute("rel", "nofollow ugc noopener noreferrer");
      });
    })(tpl.content);
    return tpl.content;
  }

  /* ---------- dates ---------- */
  var dtf = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeStyle: "short" });
  var rtf = Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { style: "short" }) : null;
  function absDate(d) { return dtf.format(d); }
  function relDate(d) {
    var s = (Date.now() - d.getTime()) / 1000;
    if (!rtf || s > 86400 || s < -60) return absDate(d);
    if (s < 45) return S.now;
    if (s < 3600) return rtf.format(-Math.max(1, Math.round(s / 60)), "minute");
    return rtf.format(-Math.round(s / 3600), "hour");
  }
  function timeEl(iso) {
    var d = new Date(iso);
    return h("time", { datetime: iso, title: absDate(d), text: relDate(d) });
  }

  function countText(n) { return n === 0 ? S.count0 : n === 1 ? S.count1 : t("countN", { n: nf.format(n) }); }

  /* ---------- edit tokens, kept by the author's browser ---------- */
  var STORE = "palabre.tokens";
  function loadTokens() {
    try {
      var all = JSON.parse(localStorage.getItem(STORE) || "{}");
      var now = Date.now();
      Object.keys(all).forEach(function (id) { if (Date.parse(all[id].u) <= now) delete all[id]; });
      return all;
    } catch (e) { return {}; }
  }
  function saveTokens(all) { try { localStorage.setItem(STORE, JSON.stringify(all)); } catch (e) { /* private mode */ } }
  function tokenFor(id) { var tk = loadTokens()[id]; return tk && Date.parse(tk.u) > Date.now() ? tk : null; }
  function keepToken(id, token, until, text) {
    var all = loadTokens();
    all[id] = { t: token, u: until, x: text };
    saveTokens(all);
  }
  function dropToken(id) { var all = loadTokens(); delete all[id]; saveTokens(all); }
  /* A random token that tells this browser's posts apart from others behind the same address. */
  function readerToken() {
    var v = remembered("reader");
    if (!v && window.crypto && crypto.getRandomValues) {
      v = Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join("");
      remember("reader", v);
    }
    return v || null;
  }
  /* View tokens of this browser's comments awaiting moderation, so their author still sees
     them, marked, after a reload: { id: { v: token, k: thread key } }. */
  var HELD = "palabre.held";
  function heldStore() { try { return JSON.parse(localStorage.getItem(HELD) || "{}"); } catch (e) { return {}; } }
  function saveHeld(all) { try { localStorage.setItem(HELD, JSON.stringify(all)); } catch (e) { /* private mode */ } }
  function keepHeld(id, token) { var all = heldStore(); all[id] = { v: token, k: threadKey }; saveHeld(all); }
  function forgetHeld(ids) { var all = heldStore(); ids.forEach(function (id) { delete all[id]; }); saveHeld(all); }
  function remembered(key) { try { return localStorage.getItem("palabre." + key) || ""; } catch (e) { return ""; } }
  function remember(key, v) { try { localStorage.setItem("palabre." + key, v); } catch (e) { /* ignore */ } }

  /* A random token kept by this browser: a report counts once per reader, a ban reaches them. */
  function browserToken() {
    var tk = remembered("browser");
    if (!tk) {
      var a = new Uint8Array(16);
      (window.crypto || window.msCrypto).getRandomValues(a);
      tk = Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      remember("browser", tk);
    }
    return tk;
  }

  /* ---------- API ---------- */
  function ApiError(message, field, code) { this.message = message; this.field = field; this.code = code; }
  function api(method, path, body, token) {
    var headers = { Accept: "application/json", "Accept-Language": lang };
    if (body) headers["Content-Type"] = "application/json";
    if (token) headers["X-Palabre-Token"] = token;
    if (method !== "GET") headers["X-Palabre-Browser"] = browserToken();
    return fetch(base + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: "omit" })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (!res.ok) {
            var e = data.error || {};
            throw new ApiError(e.message || S.network, e.field, e.code || "http_" + res.status);
          }
          return data;
        });
      }, function () { throw new ApiError(S.network, null, "network"); });
  }
  function q(params) {
    return Object.keys(params).filter(function (k) { return params[k] != null; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); }).join("&");
  }

  /* ---------- live announcements ---------- */
  function announce(text) {
    ui.live.textContent = "";
    setTimeout(function () { ui.live.textContent = text; }, 50);
  }

  /* ---------- comment rendering ---------- */
  function authorName(c) { return c.author || S.anonymous; }

  function renderItem(c, depth) {
    var li = h("li", { class: "palabre-item", "data-palabre-id": c.id });
    var replies = h("ol", { class: "palabre-replies" + (depth >= 3 ? " palabre-flat" : "") });
    (c.replies || []).forEach(function (r) { replies.append(renderItem(r, depth + 1)); });
    li.append(renderArticle(c, depth), replies);
    li._palabre = { comment: c, depth: depth };
    return li;
  }

  function renderArticle(c, depth) {
    var gone = c.deleted || c.status === "deleted" || c.status === "hidden";
    var headId = uid("by");
    var art = h("article", { class: "palabre-comment" + (gone ? " palabre-deleted" : ""), id: "palabre-comment-" + c.id,
      tabindex: "-1", "aria-labelledby": headId });
    if (gone) {
      art.append(h("p", { class: "palabre-meta", id: headId }, [h("span", { class: "palabre-tombstone", text: c.status === "hidden" ? S.hidden : S.deleted })]));
      return art;
    }
    var meta = h("p", { class: "palabre-meta", id: headId }, [
      h("span", { class: "palabre-author", text: authorName(c) }),
      c.verified ? h("span", { class: "palabre-verified", title: S.verified, text: "✓ " + S.verified }) : null,
      " ", h("span", { class: "palabre-sep", "aria-hidden": "true", text: "·" }), " ", timeEl(c.created_at),
      c.edited_at ? h("span", { class: "palabre-edited", text: " (" + S.edited + ")" }) : null,
      c.status === "held" || c.status === "pending" ? h("span", { class: "palabre-badge", text: c.status === "pending" ? S.checking : S.pending }) : null
    ]);
    var body = h("div", { class: "palabre-body" });
    body.append(safeHtml(c.html));
    var actions = h("div", { class: "palabre-actions" });
    var slot = h("div", { class: "palabre-slot" });
    if (c.status === "published") {
      actions.append(
        h("button", { type: "button", class: "palabre-link palabre-reply-btn", "aria-expanded": "false",
          "aria-label": t("replyTo", { name: authorName(c) }), text: S.reply, onclick: function () { toggleReply(art, c, depth, this); } }),
        h("button", { type: "button", class: "palabre-link palabre-report-btn", "aria-expanded": "false",
          text: S.report, onclick: function () { toggleReport(art, c, this); } }),
        h("button", { type: "button", class: "palabre-link palabre-illegal-btn", "aria-expanded": "false",
          text: S.illegal, onclick: function () { toggleIllegal(art, c, this); } }));
    }
    var tk = tokenFor(c.id);
    if (tk) {
      var own = h("span", { class: "palabre-own", "data-palabre-until": tk.u, title: t("editUntil", { t: absDate(new Date(tk.u)) }) }, [
        h("button", { type: "button", class: "palabre-link palabre-edit-btn", text: S.edit, onclick: function () { openEdit(art, c, this); } }),
        h("button", { type: "button", class: "palabre-link palabre-delete-btn", text: S.del, onclick: function () { confirmDelete(art, c, this); } })
      ]);
      actions.append(own);
    }
    art.append(meta, body, actions, slot);
    return art;
  }

  function slotOf(art) { return art.querySelector(".palabre-slot"); }
  function closeSlot(art) {
    var slot = slotOf(art);
    slot.textContent = "";
    art.querySelectorAll(".palabre-actions [aria-expanded]").forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
  }
  function openSlot(art, btn, content, focusEl) {
    closeSlot(art);
    slotOf(art).append(content);
    if (btn && btn.hasAttribute("aria-expanded")) btn.setAttribute("aria-expanded", "true");
    content.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { ev.preventDefault(); closeSlot(art); if (btn) btn.focus(); }
    });
    (focusEl || content).focus();
  }

  function notice(target, text, cls) {
    var p = h("p", { class: "palabre-notice " + (cls || ""), role: "status", text: text });
    target.append(p);
    return p;
  }

  /* ---------- pre-submit hint: /api/check while typing (debounced, stale requests aborted) ---------- */
  function unitAt(str, cp) { return Array.from(str).slice(0, cp).join("").length; }
  function attachHint(text, box) {
    var timer = null, ctrl = null, seq = 0;
    function run() {
      var value = text.value, mine = ++seq;
      if (ctrl) ctrl.abort();
      ctrl = null;
      if (value.trim().length < 3) { box.hidden = true; return; }
      ctrl = typeof AbortController === "function" ? new AbortController() : null;
      fetch(base + "/api/check", { method: "POST", credentials: "omit", signal: ctrl && ctrl.signal,
        headers: { "Content-Type": "application/json", "Accept-Language": lang },
        body: JSON.stringify({ text: value, site: site }) })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (v) { if (v && mine === seq && text.value === value) show(v, value); }, function () { /* aborted or offline */ });
    }
    function show(v, value) {
      box.textContent = "";
      var fixes = (v.corrections || []).filter(function (c) { return c.suggestions && c.suggestions.length; });
      var seen = {}, clauses = (v.reasons || []).filter(function (r) {
        var keep = r.category !== "orthographe" && !seen[r.clause];
        seen[r.clause] = 1;
        return keep;
      });
      box.hidden = !fixes.length && !clauses.length;
      if (box.hidden) return;
      var ul = h("ul", { class: "palabre-hint-list" });
      fixes.slice(0, 8).forEach(function (c) {
        var a = unitAt(value, c.start), b = unitAt(value, c.end), wrong = value.slice(a, b);
        ul.append(h("li", {}, [h("span", { class: "palabre-hint-msg", text: c.message + " " })].concat(
          c.suggestions.slice(0, 3).map(function (sg) {
            return h("button", { type: "button", class: "palabre-link palabre-fix", text: t("quote", { w: wrong }) + " → " + t("quote", { w: sg }),
              "aria-label": t("hintFix", { a: wrong, b: sg }), onclick: function () {
                if (text.value.slice(a, b) !== wrong) { run(); return; }
                text.value = text.value.slice(0, a) + sg + text.value.slice(b);
                text.focus();
                text.setSelectionRange(a + sg.length, a + sg.length);
                text.dispatchEvent(new Event("input"));
              } });
          }))));
      });
      clauses.forEach(function (r) { ul.append(h("li", { class: "palabre-hint-clause", text: t("hintClause", { c: r.clause_text || r.clause }) })); });
      box.append(h("p", { class: "palabre-hint-title", text: S.hintTitle }), ul, h("p", { class: "palabre-hint-note", text: S.hintAnyway }));
    }
    text.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 600); });
  }

  /* ---------- « Suivre les commentaires » (double opt-in by e-mail) and the Atom feed ---------- */
  function followBox() {
    var fid = uid("follow");
    var email = h("input", { id: fid + "-email", name: "email", type: "email", autocomplete: "email", required: true });
    email.value = remembered("email");
    var now = h("input", { id: fid + "-now", type: "radio", name: fid + "-mode", value: "immediate", checked: true });
    var digest = h("input", { id: fid + "-digest", type: "radio", name: fid + "-mode", value: "digest" });
    var status = h("p", { class: "palabre-status", role: "status" });
    var send = h("button", { type: "submit", class: "palabre-button palabre-secondary", text: S.followSend });
    var form = h("form", { class: "palabre-follow-form", novalidate: true }, [
      field(S.followEmail, email),
      h("fieldset", { class: "palabre-follow-mode" }, [h("legend", { text: S.followMode }),
        h("label", { for: now.id }, [now, " " + S.followNow]), " ", h("label", { for: digest.id }, [digest, " " + S.followDigest])]),
      h("div", { class: "palabre-buttons" }, [send]), status]);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      send.disabled = true;
      status.textContent = "";
      api("POST", "/api/subscriptions", { site: site, thread: threadKey, thread_title: threadTitle, thread_url: pageUrl,
        email: email.value.trim(), mode: digest.checked ? "digest" : "immediate", lang: lang })
        .then(function (res) { status.textContent = res.message; remember("email", email.value.trim()); },
          function (err) { status.textContent = err.message; email.focus(); })
        .then(function () { send.disabled = false; });
    });
    var feed = base + "/feeds/thread.atom?" + q({ site: site, thread: threadKey });
    var feedLink = h("p", { class: "palabre-feed" }, [h("a", { href: feed, rel: "alternate", type: "application/atom+xml", text: S.feed })]);
    if (state.config.mail === false) {
      /* no e-mail on this server: the feed is the way to follow, not an error */
      return h("details", { class: "palabre-follow" }, [h("summary", { text: S.follow }),
        h("p", { class: "palabre-feed-only", text: S.feedOnly }), feedLink]);
    }
    return h("details", { class: "palabre-follow" }, [h("summary", { text: S.follow }), form, feedLink]);
  }

  /* ---------- forms ---------- */
  function field(label, input, extra) {
    return h("div", { class: "palabre-field" }, [h("label", { for: input.id, text: label }), input, extra]);
  }

  function commentForm(opts) {
    var fid = uid("f");
    var max = state.config.max_length;
    var counter = h("p", { class: "palabre-counter", id: fid + "-count", text: t("counter", { n: 0, max: nf.format(max) }) });
    var text = h("textarea", { id: fid + "-text", name: "text", rows: opts.parent ? "3" : "4",
      "aria-describedby": fid + "-count", required: true });
    var name = h("input", { id: fid + "-name", name: "author", type: "text", autocomplete: "nickname", maxlength: "80" });
    var email = h("input", { id: fid + "-email", name: "email", type: "email", autocomplete: "email" });
    var hp = h("input", { id: fid + "-website", name: "website", type: "text", tabindex: "-1", autocomplete: "off" });
    name.value = remembered("name");
    email.value = remembered("email");
    var status = h("div", { class: "palabre-status", role: "status" });
    var alert = h("div", { class: "palabre-error", role: "alert", id: fid + "-err" });
    var hint = h("div", { class: "palabre-hint", "aria-live": "polite", hidden: true });
    attachHint(text, hint);
    var submit = h("button", { type: "submit", class: "palabre-button", text: opts.submitLabel || S.publish });
    function updateCounter() {
      var n = text.value.length;
      counter.textContent = n === max + 1 ? S.over1 : n > max ? t("over", { n: nf.format(n - max) }) : t("counter", { n: nf.format(n), max: nf.format(max) });
      counter.classList.toggle("palabre-over", n > max);
    }
    text.addEventListener("input", updateCounter);
    var buttons = h("div", { class: "palabre-buttons" }, [submit,
      opts.onCancel ? h("button", { type: "button", class: "palabre-button palabre-secondary", text: S.cancel, onclick: opts.onCancel }) : null]);
    var form = h("form", { class: "palabre-form", novalidate: true }, [
      field(opts.label, text, counter), hint,
      opts.edit ? null : h("div", { class: "palabre-row palabre-identity", hidden: !!sso }, [field(S.name, name), field(S.email, email)]),
      h("div", { class: "palabre-hp", "aria-hidden": "true" }, [h("label", { for: hp.id, text: S.hp }), hp]),
      alert, buttons, status
    ]);
    if (opts.initial) { text.value = opts.initial; }
    updateCounter();
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (form.getAttribute("aria-busy") === "true") return;
      alert.textContent = "";
      status.textContent = "";
      [text, name, email].forEach(function (el) { el.removeAttribute("aria-invalid"); });
      form.setAttribute("aria-busy", "true");
      submit.disabled = true;
      submit.textContent = S.sending;
      var values = { text: text.value, author: name.value.trim() || null, email: email.value.trim() || null, website: hp.value };
      opts.send(values).then(function (res) {
        if (!opts.edit) { remember("name", name.value.trim()); remember("email", email.value.trim()); }
        var decision = res.moderation && res.moderation.decision;
        /* a held or refused comment: its statement of reasons, and how to contest (DSA art. 17) */
        if (decision && decision !== "publish" && res.view_token && res.comment) {
          res.moderation.statement = base + "/motifs/" + res.comment.id + "?" + q({ jeton: res.view_token, lang: lang });
        }
        if (decision === "reject") { showOutcome(status, res.moderation, "palabre-refused"); return; }
        text.value = "";
        updateCounter();
        hint.hidden = true;
        hint.textContent = "";
        opts.done(res, values);
      }, function (err) {
        alert.textContent = err.message;
        var bad = { text: text, author: name, email: email }[err.field] || text;
        bad.setAttribute("aria-invalid", "true");
        bad.setAttribute("aria-errormessage", alert.id);
        bad.focus();
      }).then(function () {
        form.removeAttribute("aria-busy");
        submit.disabled = false;
        submit.textContent = opts.submitLabel || S.publish;
      });
    });
    form._palabreText = text;
    return form;
  }

  function outcomeClass(d) {
    return d === "hold" ? "palabre-held" : d === "reject" ? "palabre-refused" : d === "pending" ? "palabre-checking" : "palabre-ok";
  }
  /* A moderation worker decides in a fraction of a second: ask for the decision until it comes
     (« en cours de vérification » meanwhile), then show it in place of the notice. */
  function awaitDecision(id, viewToken, d) {
    if (d !== "pending" || !viewToken) return;
    var delay = 150, waited = 0;
    function again() {
      waited += delay;
      delay = Math.min(delay * 1.5, 3000);
      if (waited < 600000) setTimeout(ask, delay);
    }
    function ask() {
      api("GET", "/api/comments/" + id + "/decision?" + q({ token: viewToken })).then(function (res) {
        var m = res.moderation;
        if (m.decision === "pending") { again(); return; }
        var art = ui.section.querySelector("#palabre-comment-" + id);
        if (!art) return;
        var fresh = replaceArticle(art, res.comment);
        if (m.decision !== "publish") {
          m.statement = base + "/motifs/" + id + "?" + q({ jeton: viewToken, lang: lang });
        }
        if (m.decision !== "hold") forgetHeld([id]);
        showOutcome(fresh, m, outcomeClass(m.decision));
      }, function (err) { if (err.code === "network" || /^http_5/.test(err.code)) again(); });
    }
    setTimeout(ask, delay);
  }
  function outcomeText(m) {
    var d = m && m.decision;
    return (m && m.message) || (d === "hold" ? S.held : d === "reject" ? S.refused : S.ok);
  }
  function showOutcome(target, m, cls) {
    var old = target.querySelector(":scope > .palabre-notice");
    if (old) old.remove();
    var p = notice(target, outcomeText(m), cls);
    var clauses = (m && m.clauses) || [];
    if (clauses.length) {
      p.append(h("span", { class: "palabre-clauses-title", text: " " + S.clauses }),
        h("ul", { class: "palabre-clauses" }, clauses.map(function (c) {
          var words = (c.words || []).map(function (w) { return t("quote", { w: w }); }).join(S.list);
          return h("li", { class: "palabre-clause", "data-palabre-clause": c.clause }, [
            h("span", { class: "palabre-clause-text", text: c.text || c.clause }),
            words ? h("span", { class: "palabre-clause-words", text: " — " + t("words", { w: words }) }) : null]);
        })));
    }
    if (m && m.statement) {
      p.append(h("a", { class: "palabre-statement", href: m.statement, target: "_blank", rel: "noopener", text: S.statement }));
    }
    return p;
  }

  function postComment(values, parent) {
    return api("POST", "/api/comments", { site: site, thread: threadKey, thread_title: threadTitle, thread_url: pageUrl,
      parent: parent, author: values.author, email: values.email, text: values.text, website: values.website,
      reader: readerToken(),
      sso: sso || undefined });
  }

  function afterPost(res, text, list, first) {
    var c = res.comment;
    if (res.edit_token) keepToken(c.id, res.edit_token, res.edit_until, text);
    var d = res.moderation && res.moderation.decision;
    if (res.view_token && (d === "hold" || d === "pending")) keepHeld(c.id, res.view_token);
    var parentDepth = list.parentNode && list.parentNode._palabre ? list.parentNode._palabre.depth : -1;
    var li = renderItem(c, parentDepth + 1);
    if (first) list.prepend(li); else list.append(li);
    var art = li.querySelector(".palabre-comment");
    art.classList.add("palabre-new");
    showOutcome(art, res.moderation, outcomeClass(d));
    art.focus();
    awaitDecision(c.id, res.view_token, d);
    ui.empty.hidden = true;
    refreshCount();
  }

  function toggleReply(art, c, depth, btn) {
    if (btn.getAttribute("aria-expanded") === "true") { closeSlot(art); return; }
    var form = commentForm({
      parent: c.id, label: t("replyText", { name: authorName(c) }), submitLabel: S.reply,
      onCancel: function () { closeSlot(art); btn.focus(); },
      send: function (v) { return postComment(v, c.id); },
      done: function (res, v) {
        closeSlot(art);
        afterPost(res, v.text, art.parentNode.querySelector(".palabre-replies"), false);
      }
    });
    openSlot(art, btn, form, form._palabreText);
  }

  function toggleReport(art, c, btn) {
    if (btn.getAttribute("aria-expanded") === "true") { closeSlot(art); return; }
    var fid = uid("r");
    var legend = h("legend", { text: S.reason });
    var radios = state.config.report_reasons.map(function (r, i) {
      var input = h("input", { type: "radio", name: fid + "-reason", id: fid + "-" + i, value: r.id });
      return h("div", { class: "palabre-radio" }, [input, h("label", { for: input.id, text: r.label })]);
    });
    var details = h("textarea", { id: fid + "-details", rows: "2", maxlength: "500" });
    var alert = h("div", { class: "palabre-error", role: "alert" });
    var send = h("button", { type: "submit", class: "palabre-button", text: S.sendReport });
    var form = h("form", { class: "palabre-form palabre-report", "aria-label": S.reportTitle, tabindex: "-1", novalidate: true }, [
      h("p", { class: "palabre-form-title", text: S.reportTitle }),
      h("fieldset", {}, [legend].concat(radios)),
      field(S.details, details), alert,
      h("div", { class: "palabre-buttons" }, [send,
        h("button", { type: "button", class: "palabre-button palabre-secondary", text: S.cancel, onclick: function () { closeSlot(art); btn.focus(); } })])
    ]);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var chosen = form.querySelector("input[type=radio]:checked");
      alert.textContent = "";
      if (!chosen) { alert.textContent = S.chooseReason; var r0 = form.querySelector("input[type=radio]"); if (r0) r0.focus(); return; }
      send.disabled = true;
      api("POST", "/api/comments/" + c.id + "/reports", { reason: chosen.value, details: details.value.trim() || null })
        .then(function (res) {
          closeSlot(art);
          var p = notice(slotOf(art), res.message || S.reportDone, "palabre-thanks");
          p.setAttribute("tabindex", "-1");
          p.focus();
          btn.disabled = true;
        }, function (err) { alert.textContent = err.message; send.disabled = false; });
    });
    var firstRadio = form.querySelector("input[type=radio]");
    openSlot(art, btn, form, firstRadio || details);
  }

  /* DSA art. 16: a notice of illegal content, with its category, explanation, name, e-mail and good faith */
  function toggleIllegal(art, c, btn) {
    if (btn.getAttribute("aria-expanded") === "true") { closeSlot(art); return; }
    var fid = uid("n");
    var category = h("select", { id: fid + "-cat", required: true });
    var explanation = h("textarea", { id: fid + "-why", rows: "3", maxlength: "5000", required: true });
    var name = h("input", { id: fid + "-name", type: "text", maxlength: "200", autocomplete: "name", required: true });
    var email = h("input", { id: fid + "-email", type: "email", maxlength: "254", autocomplete: "email", required: true });
    var faith = h("input", { id: fid + "-faith", type: "checkbox" });
    email.value = remembered("email");
    var alert = h("div", { class: "palabre-error", role: "alert" });
    var send = h("button", { type: "submit", class: "palabre-button", text: S.sendIllegal });
    api("GET", "/api/notices/categories?" + q({ lang: lang })).then(function (res) {
      res.categories.forEach(function (k) { category.append(h("option", { value: k.id, text: k.label })); });
    });
    var form = h("form", { class: "palabre-form palabre-illegal", "aria-label": S.illegalTitle, tabindex: "-1", novalidate: true }, [
      h("p", { class: "palabre-form-title", text: S.illegalTitle }),
      field(S.category, category), field(S.explanation, explanation), field(S.yourName, name), field(S.yourEmail, email),
      h("div", { class: "palabre-radio" }, [faith, h("label", { for: faith.id, text: S.goodFaith })]), alert,
      h("div", { class: "palabre-buttons" }, [send,
        h("button", { type: "button", class: "palabre-button palabre-secondary", text: S.cancel, onclick: function () { closeSlot(art); btn.focus(); } })])
    ]);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      alert.textContent = "";
      send.disabled = true;
      api("POST", "/api/comments/" + c.id + "/notices", { category: category.value, explanation: explanation.value,
        name: name.value.trim(), email: email.value.trim(), good_faith: faith.checked })
        .then(function (res) {
          closeSlot(art);
          var p = notice(slotOf(art), res.message, "palabre-thanks");
          p.setAttribute("tabindex", "-1");
          p.focus();
          btn.disabled = true;
        }, function (err) { alert.textContent = err.message; send.disabled = false; });
    });
    openSlot(art, btn, form, category);
  }

  function bodyText(art) {
    var body = art.querySelector(".palabre-body");
    var blocks = Array.prototype.map.call(body.children, function (b) { return b.innerText || b.textContent; });
    return blocks.length ? blocks.join("\n\n") : body.textContent;
  }

  function replaceArticle(art, c) {
    var li = art.parentNode;
    var fresh = renderArticle(c, li._palabre.depth);
    li._palabre.comment = c;
    li.replaceChild(fresh, art);
    return fresh;
  }

  function openEdit(art, c, btn) {
    var tk = tokenFor(c.id);
    if (!tk) return;
    var form = commentForm({
      edit: true, label: S.editText, submitLabel: S.save, initial: tk.x || bodyText(art),
      onCancel: function () { closeSlot(art); btn.focus(); },
      send: function (v) { return api("PATCH", "/api/comments/" + c.id, { text: v.text }, tk.t); },
      done: function (res, v) {
        var cur = tokenFor(c.id);
        if (cur) keepToken(c.id, res.edit_token || cur.t, res.edit_until || cur.u, v.text);
        var fresh = replaceArticle(art, res.comment);
        var d = res.moderation && res.moderation.decision;
        showOutcome(fresh, res.moderation, d === "pending" ? "palabre-checking" : "palabre-ok");
        fresh.focus();
        awaitDecision(c.id, res.view_token, d);
      }
    });
    openSlot(art, null, form, form._palabreText);
  }

  function confirmDelete(art, c, btn) {
    var yes = h("button", { type: "button", class: "palabre-button palabre-danger", text: S.yesDel });
    var box = h("div", { class: "palabre-confirm", role: "group", "aria-label": S.confirmDel }, [
      h("p", { text: S.confirmDel }), h("div", { class: "palabre-error", role: "alert" }),
      h("div", { class: "palabre-buttons" }, [yes,
        h("button", { type: "button", class: "palabre-button palabre-secondary", text: S.cancel, onclick: function () { closeSlot(art); btn.focus(); } })])
    ]);
    yes.addEventListener("click", function () {
      var tk = tokenFor(c.id);
      yes.disabled = true;
      api("DELETE", "/api/comments/" + c.id, null, tk && tk.t).then(function (res) {
        dropToken(c.id);
        var li = art.parentNode;
        if (li.querySelector(".palabre-replies > li")) replaceArticle(art, res.comment || { id: c.id, deleted: true, status: "deleted" });
        else li.remove();
        ui.status.textContent = S.delDone;
        ui.heading.focus();
        refreshCount();
      }, function (err) { box.querySelector(".palabre-error").textContent = err.message; yes.disabled = false; });
    });
    openSlot(art, null, box, yes);
  }

  /* ---------- thread: load, page back, count ---------- */
  function setCount(n) { ui.heading.textContent = countText(n); }
  function refreshCount() {
    api("GET", "/api/counts?" + q({ site: site, thread: threadKey })).then(function (d) {
      var n = d.counts && d.counts[threadKey];
      if (typeof n === "number") setCount(n);
    }, function () { /* keep the old figure */ });
  }

  /* A page may come back empty while older ones hold comments (hidden rows counted by the
     server's limit): follow the cursor a few times rather than show an empty page. */
  function fetchPage(cursor, hops) {
    return api("GET", "/api/comments?" + q({ site: site, thread: threadKey, order: "newest", limit: pageSize, cursor: cursor }))
      .then(function (data) {
        if ((data.comments || []).length || !data.next_cursor || (hops || 0) >= 5) return data;
        return fetchPage(data.next_cursor, (hops || 0) + 1).then(function (next) {
          if (next.total == null) next.total = data.total;
          return next;
        });
      });
  }

  /* This browser's comments still awaiting moderation: shown to their author, marked. */
  function fetchOwn() {
    var all = heldStore();
    var tokens = Object.keys(all).filter(function (id) { return all[id].k === threadKey; }).map(function (id) { return all[id].v; });
    if (!tokens.length) return Promise.resolve(null);
    return api("POST", "/api/comments/own", { site: site, thread: threadKey, tokens: tokens }).catch(function () { return null; });
  }
  function showOwn(own) {
    if (!own) return;
    forgetHeld(own.decided || []);
    (own.comments || []).forEach(function (c) {
      if (ui.list.querySelector('[data-palabre-id="' + c.id + '"]')) return;
      var parentLi = c.parent != null ? ui.list.querySelector('[data-palabre-id="' + c.parent + '"]') : null;
      var depth = parentLi ? parentLi._palabre.depth + 1 : 0;
      var li = renderItem(c, depth);
      li.classList.add("palabre-own-held");
      if (parentLi) parentLi.querySelector(".palabre-replies").append(li); else ui.list.prepend(li);
    });
    ui.empty.hidden = ui.list.children.length > 0;
  }

  function showPage(data) {
    var items = (data.comments || []).map(function (c) { return renderItem(c, 0); });
    items.forEach(function (li) { ui.list.append(li); });
    state.cursor = data.next_cursor || null;
    ui.more.hidden = !state.cursor;
    ui.empty.hidden = ui.list.children.length > 0;
    return items;
  }

  function loadMore() {
    ui.more.disabled = true;
    ui.more.setAttribute("aria-busy", "true");
    fetchPage(state.cursor).then(function (data) {
      var items = showPage(data);
      announce(t("loaded", { n: items.length }));
      if (items.length) items[0].querySelector(".palabre-comment").focus();
    }, function (err) { ui.status.textContent = err.message; }).then(function () {
      ui.more.disabled = false;
      ui.more.removeAttribute("aria-busy");
    });
  }

  function loadCss() {
    if (attr("css", "") === "none" || document.querySelector("link[data-palabre-css]")) return Promise.resolve();
    return new Promise(function (resolve) {
      var link = h("link", { rel: "stylesheet", href: cssHref + "?v=" + VERSION, "data-palabre-css": "1" });
      link.onload = link.onerror = resolve;
      setTimeout(resolve, 3000);
      document.head.append(link);
    });
  }

  function build(root) {
    var hid = uid("h");
    ui.heading = h("h2", { class: "palabre-count", id: hid, tabindex: "-1", text: S.loading });
    ui.status = h("p", { class: "palabre-status palabre-global", role: "status" });
    ui.live = h("p", { class: "palabre-sr", "aria-live": "polite" });
    ui.list = h("ol", { class: "palabre-list" });
    ui.empty = h("p", { class: "palabre-empty", hidden: true, text: S.empty });
    ui.more = h("button", { type: "button", class: "palabre-button palabre-secondary palabre-more", hidden: true, text: S.more, onclick: loadMore });
    ui.section = h("section", { class: "palabre", lang: lang, "aria-labelledby": hid, "aria-busy": "true" },
      [ui.heading, ui.status, ui.live]);
    root.textContent = "";
    root.append(ui.section);
  }

  function start(root) {
    build(root);
    Promise.all([
      api("GET", "/api/config?" + q({ site: site })).catch(function () { return null; }),
      fetchPage(null), loadCss(), fetchOwn(),
      api("GET", "/api/threads/controls?" + q({ site: site, thread: threadKey, lang: lang })).catch(function () { return null; })
    ]).then(function (r) {
      if (r[0]) state.config = r[0];
      var data = r[1];
      var rules = r[4];
      setCount(typeof data.total === "number" ? data.total : data.thread ? data.thread.count : 0);
      /* the article's rules (closed, limits, pre-moderation), shown before the reader types */
      var controls = rules && rules.notice ? h("p", { class: "palabre-controls" + (rules.closed ? " palabre-closed" : ""), text: rules.notice }) : null;
      if (rules && rules.max_length && rules.max_length < state.config.max_length) state.config.max_length = rules.max_length;
      var form = rules && rules.closed ? null : commentForm({
        label: S.text, send: function (v) { return postComment(v, null); },
        done: function (res, v) { afterPost(res, v.text, ui.list, true); }
      });
      if (form) form.classList.add("palabre-main-form");
      ui.section.append(controls || "", form || "", followBox(), ui.empty, ui.list, ui.more);
      showPage(data);
      showOwn(r[3]);
      ui.section.removeAttribute("aria-busy");
    }, function (err) {
      ui.heading.textContent = S.region;
      ui.status.textContent = S.loadError + " " + err.message;
      ui.section.append(h("button", { type: "button", class: "palabre-button", text: S.retry, onclick: function () { start(root); } }));
      ui.section.removeAttribute("aria-busy");
    });
  }

  /* keep relative dates fresh; hide « Modifier » / « Supprimer » once the edit window closes */
  setInterval(function () {
    if (!ui.section) return;
    ui.section.querySelectorAll("time[datetime]").forEach(function (el) { el.textContent = relDate(new Date(el.getAttribute("datetime"))); });
    ui.section.querySelectorAll("[data-palabre-until]").forEach(function (el) {
      if (Date.parse(el.getAttribute("data-palabre-until")) <= Date.now()) el.remove();
    });
  }, 30000);

  var root = document.getElementById("palabre-thread");
  if (!root) {
    root = h("div", { id: "palabre-thread" });
    script.parentNode.insertBefore(root, script.nextSibling);
  }
  window.Palabre = window.Palabre || {};
  window.Palabre.widget = { version: VERSION, reload: function () { start(root); }, strings: S };
  window.Palabre.setUser = function (jwt) {
    sso = jwt || null;
    root.querySelectorAll(".palabre-identity").forEach(function (el) { el.hidden = !!sso; });
  };
  start(root);
})();
