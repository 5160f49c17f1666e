// palabre — moderation dashboard: keyboard shortcuts, bulk selection, undo countdown, live
// counts. Plain JS, no framework, no inline script (strict CSP).
(function () {
  "use strict";

  var items = Array.prototype.slice.call(document.querySelectorAll(".item"));
  var current = -1;
  var memoryKey = "palabre-sel:" + location.pathname;

  function select(index) {
    if (!items.length) { return; }
    index = Math.max(0, Math.min(items.length - 1, index));
    if (current >= 0 && items[current]) { items[current].classList.remove("selected"); }
    current = index;
    var item = items[current];
    item.classList.add("selected");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
    clearOfFlash(item);
    try { sessionStorage.setItem(memoryKey, String(current)); } catch (e) { /* private mode */ }
  }

  // The undo toast floats at the bottom: never leave the current item's action bar under it.
  function clearOfFlash(item) {
    var toast = document.getElementById("flash");
    var bar = item && item.querySelector(".item-actions");
    if (!toast || !bar || toast.classList.contains("gone")) { return; }
    var overlap = bar.getBoundingClientRect().bottom - (toast.getBoundingClientRect().top - 8);
    if (overlap > 0) { window.scrollBy(0, overlap); }
  }
  if (document.getElementById("flash")) { document.documentElement.classList.add("has-flash"); }

  function act(key) {
    if (current < 0) { select(0); }
    var item = items[current];
    if (!item) { return; }
    var button = item.querySelector('button[data-key="' + key + '"]');
    if (button && button.form) {
      if (button.form.requestSubmit) { button.form.requestSubmit(button); } else { button.click(); }
    }
  }

  function toggleHelp(show) {
    var help = document.getElementById("help");
    if (!help) { return; }
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (event.key === "Escape") { toggleHelp(false); if (typing(event.target)) { event.target.blur(); } return; }
    if (typing(event.target)) { return; }
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "p": act("p"); break;
      case "r": act("r"); break;
      case "d": act("d"); break;
      case "x":
        if (current >= 0) { var box = items[current].querySelector(".pick"); if (box) { box.checked = !box.checked; updateSelected(); } }
        break;
      case "u": var undo = document.getElementById("undo-button"); if (undo && !undo.disabled) { undo.click(); } break;
      case "?": toggleHelp(); break;
      default: return;
    }
    event.preventDefault();
  });

  items.forEach(function (item, index) {
    item.addEventListener("click", function (event) {
      if (!event.target.closest("a, button, input, select, textarea, label, summary")) { select(index); }
    });
  });

  var closeHelp = document.getElementById("help-close");
  if (closeHelp) { closeHelp.addEventListener("click", function () { toggleHelp(false); }); }

  // Bulk selection
  var checkAll = document.getElementById("check-all");
  var counter = document.getElementById("selected-count");
  function updateSelected() {
    if (counter) { counter.textContent = String(document.querySelectorAll(".pick:checked").length); }
  }
  if (checkAll) {
    checkAll.addEventListener("change", function () {
      document.querySelectorAll(".pick").forEach(function (box) { box.checked = checkAll.checked; });
      updateSelected();
    });
  }
  document.querySelectorAll(".pick").forEach(function (box) { box.addEventListener("change", updateSelected); });

  // « Masquer les fautes d'orthographe »: remembered in this browser
  var hideSpelling = document.getElementById("hide-spelling");
  if (hideSpelling) {
    var stored = null;
    try { stored = localStorage.getItem("palabre.hideSpelling"); } catch (e) { stored = null; }
    hideSpelling.checked = stored === "1";
    document.body.classList.toggle("hide-spelling", hideSpelling.checked);
    hideSpelling.addEventListener("change", function () {
      document.body.classList.toggle("hide-spelling", hideSpelling.checked);
      try { localStorage.setItem("palabre.hideSpelling", hideSpelling.checked ? "1" : "0"); } catch (e) { /* private mode */ }
    });
  }

  // Undo: the button counts down, then disappears (the server refuses late undos anyway)
  var flash = document.getElementById("flash");
  if (flash) {
    var left = parseInt(flash.getAttribute("data-seconds") || "10", 10);
    var countdown = document.getElementById("undo-countdown");
    var undoButton = document.getElementById("undo-button");
    var timer = setInterval(function () {
      left -= 1;
      if (countdown) { countdown.textContent = String(Math.max(left, 0)); }
      if (left <= 0) {
        clearInterval(timer);
        if (undoButton) { undoButton.disabled = true; undoButton.closest("form").remove(); }
        setTimeout(function () {
          flash.classList.add("gone");
          document.documentElement.classList.remove("has-flash");
        }, 4000);
      }
    }, 1000);
    if (window.history && history.replaceState) {
      var url = new URL(location.href);
      ["undo", "msg", "n"].forEach(function (k) { url.searchParams.delete(k); });
      history.replaceState(null, "", url.pathname + (url.search || ""));
    }
  }

  // Live counts
  function refreshCounts() {
    if (!document.querySelector("[data-count]")) { return; }
    fetch("/moderation/counts.json", { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (!body || !body.counts) { return; }
        Object.keys(body.counts).forEach(function (key) {
          document.querySelectorAll('[data-count="' + key + '"]').forEach(function (el) { el.textContent = String(body.counts[key]); });
        });
      })
      .catch(function () { /* offline: keep the last counts */ });
  }
  setInterval(refreshCounts, 20000);

  // Restore the selection after an action reloaded the page
  if (items.length) {
    var saved = 0;
    try { saved = parseInt(sessionStorage.getItem(memoryKey) || "0", 10) || 0; } catch (e) { saved = 0; }
    select(Math.min(saved, items.length - 1));
  }
  document.body.dataset.ready = "1";
})();
