"""The widget and count.js in real Chromium against the real app (issue 2, "Done when")."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

from browser.browser_support import DEMO_THREAD, HostSite, LiveServer, Watch, reader_email

pytestmark = pytest.mark.browser

CLEAN = "Merci pour cet article très clair, il résume bien la situation."
REPLY = "Je partage votre avis, la conclusion de l'article est très juste."
# Distinct, correctly written sentences: the default charter wants good French.
SENTENCES = [
    "Le premier point soulevé par l'auteur mérite d'être discuté plus longuement.",
    "Je trouve que cette analyse reste prudente et bien documentée.",
    "Il faudra suivre l'évolution de ces négociations dans les prochaines semaines.",
    "Les chiffres cités dans le deuxième paragraphe sont tout à fait éclairants.",
    "Cet article montre bien la complexité des relations entre les deux pays.",
    "Le rôle des alliés européens dans ces discussions mériterait un article complet.",
    "La comparaison avec les sommets précédents est particulièrement intéressante.",
]


def count_text(n: int) -> str:
    return "Aucun commentaire" if n == 0 else "1 commentaire" if n == 1 else f"{n} commentaires"


def top_items(page: Page) -> Locator:
    return page.locator(".palabre-list > .palabre-item")


def article_of(item: Locator) -> Locator:
    return item.locator(":scope > .palabre-comment")


def main_form(page: Page) -> Locator:
    form = page.locator("form.palabre-main-form")
    form.wait_for()
    return form


def write(form: Locator, text: str, name: str | None = None) -> None:
    """Fill the form as a new reader (own e-mail), without submitting."""
    form.get_by_label("Votre commentaire", exact=True).fill(text)
    if name is not None:
        form.get_by_label("Nom (facultatif)").fill(name)
    form.get_by_label("E-mail (facultatif, jamais publié)").fill(reader_email())


def test_demo_journey(page: Page, live_server: LiveServer) -> None:
    """See the seeds and the count, post, reply, report, delete, and watch the count follow."""
    before = live_server.count(DEMO_THREAD)
    assert before > 0, "the demo seeds should have published comments"
    page.goto(f"{live_server.url}/demo/seed-000")
    heading = page.locator(".palabre-count")
    expect(heading).to_have_text(count_text(before))
    expect(page.locator("a[data-palabre-count]")).to_have_text(count_text(before))
    expect(top_items(page).first).to_be_visible()

    form = main_form(page)
    write(form, CLEAN, "Camille")
    form.get_by_role("button", name="Publier").click()
    mine = article_of(top_items(page).first)
    expect(mine.locator(".palabre-body")).to_have_text(CLEAN)
    expect(mine.locator(".palabre-author")).to_have_text("Camille")
    expect(mine.locator(".palabre-notice")).to_have_text(re.compile("publié"))
    expect(mine).to_be_focused()
    expect(heading).to_have_text(count_text(before + 1))
    expect(form.get_by_label("Votre commentaire", exact=True)).to_have_value("")

    seed_item = top_items(page).nth(1)
    seed = article_of(seed_item)
    seed.locator(".palabre-reply-btn").click()
    reply_box = seed.get_by_label(re.compile("^Votre réponse à"))
    expect(reply_box).to_be_focused()
    reply_box.fill(REPLY)
    seed.get_by_role("button", name="Répondre", exact=True).click()
    reply = seed_item.locator(":scope > .palabre-replies > .palabre-item > .palabre-comment").last
    expect(reply.locator(".palabre-body")).to_have_text(REPLY)
    expect(reply).to_be_focused()
    expect(heading).to_have_text(count_text(before + 2))

    seed.get_by_role("button", name="Alerter").click()
    reasons = seed.locator(".palabre-report input[type=radio]")
    expect(reasons.first).to_be_focused()
    reasons.first.check()
    seed.get_by_label("Précisions (facultatif)").fill("Hors sujet à mon avis.")
    seed.get_by_role("button", name="Envoyer le signalement").click()
    expect(seed.locator(".palabre-thanks")).to_contain_text("Merci")
    expect(seed.get_by_role("button", name="Alerter")).to_be_disabled()

    mine.get_by_role("button", name="Supprimer").click()
    mine.get_by_role("button", name="Oui, supprimer").click()
    expect(page.locator(".palabre-body", has_text=CLEAN)).to_have_count(0)
    expect(heading).to_have_text(count_text(before + 1))
    expect(page.locator(".palabre-global")).to_have_text("Votre commentaire a été supprimé.")

    page.goto(f"{live_server.url}/demo/")
    expect(page.locator(f'[data-palabre-count="{DEMO_THREAD}"]')).to_have_text(
        count_text(before + 1)
    )


def test_page_back_with_previous_comments(page: Page, host: HostSite, thread_key: str) -> None:
    for sentence in SENTENCES:
        host.server.post(thread_key, sentence)
    page.goto(host.article("/pagination", thread_key, extra_attrs='data-palabre-limit="3"'))
    items = top_items(page)
    expect(items).to_have_count(3)
    expect(page.locator(".palabre-count")).to_have_text("7 commentaires")
    expect(items.first).to_contain_text(SENTENCES[-1])
    more = page.get_by_role("button", name="Afficher les commentaires précédents")
    more.click()
    expect(items).to_have_count(6)
    expect(article_of(items.nth(3))).to_be_focused()
    more.click()
    expect(items).to_have_count(7)
    expect(more).to_be_hidden()
    expect(items.last).to_contain_text(SENTENCES[0])


def test_tombstone_keeps_replies(page: Page, host: HostSite, thread_key: str) -> None:
    page.goto(host.article("/tombstone", thread_key))
    form = main_form(page)
    write(form, CLEAN)
    form.get_by_role("button", name="Publier").click()
    mine = article_of(top_items(page).first)
    expect(mine.locator(".palabre-body")).to_have_text(CLEAN)
    comment_id = int(mine.get_attribute("id").rsplit("-", 1)[1])  # type: ignore[union-attr]
    host.server.post(thread_key, REPLY, parent=comment_id)
    page.reload()
    mine = article_of(top_items(page).first)
    expect(mine.get_by_role("button", name="Modifier")).to_be_visible()
    mine.get_by_role("button", name="Supprimer").click()
    mine.get_by_role("button", name="Oui, supprimer").click()
    first = top_items(page).first
    expect(article_of(first)).to_have_text("Commentaire supprimé")
    expect(first.locator(".palabre-replies .palabre-body")).to_have_text(REPLY)
    expect(page.locator(".palabre-count")).to_have_text("1 commentaire")
    page.reload()
    expect(article_of(top_items(page).first)).to_have_text("Commentaire supprimé")


def test_author_edits_own_comment(page: Page, host: HostSite, thread_key: str) -> None:
    page.goto(host.article("/edit", thread_key))
    form = main_form(page)
    write(form, CLEAN)
    form.get_by_role("button", name="Publier").click()
    mine = article_of(top_items(page).first)
    mine.get_by_role("button", name="Modifier").click()
    box = mine.get_by_label("Modifier votre commentaire")
    expect(box).to_have_value(CLEAN)
    box.fill(REPLY)
    mine.get_by_role("button", name="Enregistrer").click()
    mine = article_of(top_items(page).first)
    expect(mine.locator(".palabre-body")).to_have_text(REPLY)
    expect(mine.locator(".palabre-edited")).to_be_visible()


def test_xss_attempts_never_run(page: Page, host: HostSite, thread_key: str, watch: Watch) -> None:
    """Markup a reader types stays text; active code is refused by the API, and the refusal
    is shown next to the form with the typed text kept. No dialog ever opens."""
    name = 'Zoé & "Léa" &lt;b&gt;'
    literal = f"{CLEAN} Entre nous, <b>gras</b> & 3 < 5."
    host.server.post(thread_key, literal, author=name)
    page.goto(host.article("/xss", thread_key))
    first = article_of(top_items(page).first)
    expect(first.locator(".palabre-author")).to_have_text(name)
    expect(first.locator(".palabre-body")).to_contain_text("<b>gras</b> & 3 < 5.")
    assert first.locator(".palabre-body b").count() == 0

    form = main_form(page)
    box = form.get_by_label("Votre commentaire", exact=True)
    author = form.get_by_label("Nom (facultatif)")
    payload = f"{CLEAN} <img src=x onerror=\"alert('texte')\"><script>alert('s')</script>"
    write(form, payload, "Zoé")
    form.get_by_role("button", name="Publier").click()
    expect(form.get_by_role("alert")).not_to_be_empty()
    expect(box).to_have_value(payload)
    expect(box).to_have_attribute("aria-invalid", "true")

    box.fill(CLEAN)
    author.fill("<img src=x onerror=alert('nom')>")
    form.get_by_role("button", name="Publier").click()
    expect(author).to_have_attribute("aria-invalid", "true")
    expect(author).to_be_focused()
    expect(box).to_have_value(CLEAN)
    expect(top_items(page)).to_have_count(1)
    assert page.locator(".palabre img, .palabre script").count() == 0
    assert watch.dialogs == []


def test_client_filters_html_even_if_server_did_not(
    page: Page, host: HostSite, thread_key: str, watch: Watch
) -> None:
    """Defence in depth: a compromised or buggy server's html still cannot run script."""
    evil: dict[str, Any] = {
        "thread": None,
        "next_cursor": None,
        "total": 1,
        "comments": [
            {
                "id": 1,
                "parent": None,
                "author": "<b onmouseover=alert(1)>x</b>",
                "verified": False,
                "html": '<p>ok<img src=x onerror="window.palabreXss=1;alert(1)">'
                '<a href="javascript:alert(2)" onclick="alert(3)">lien</a></p>'
                '<script>alert(4)</script><iframe src="javascript:alert(5)"></iframe>'
                "<svg><image href=x onerror=alert(6) /><script>alert(7)</script></svg>",
                "status": "published",
                "created_at": "2026-01-01T10:00:00Z",
                "edited_at": None,
                "deleted": False,
                "replies": [],
            }
        ],
    }
    page.route(
        f"{host.server.url}/api/comments?*",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(evil)
        ),
    )
    page.goto(host.article("/xss2", thread_key))
    body = page.locator(".palabre-body").first
    expect(body).to_contain_text("oklien")
    assert body.locator("img, script, iframe, svg, image, [onclick], [onerror]").count() == 0
    assert body.locator("a").get_attribute("href") is None
    body.locator("a").click()
    assert watch.dialogs == []
    assert page.evaluate("() => window.palabreXss === undefined")


def test_keyboard_only_posting(page: Page, host: HostSite, thread_key: str) -> None:
    page.goto(host.article("/clavier", thread_key))
    form = main_form(page)
    box = form.get_by_label("Votre commentaire", exact=True)
    for _ in range(20):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    expect(box).to_be_focused()
    page.keyboard.type(CLEAN)
    page.keyboard.press("Tab")
    expect(form.get_by_label("Nom (facultatif)")).to_be_focused()
    page.keyboard.type("Dominique")
    page.keyboard.press("Tab")
    page.keyboard.type(reader_email())
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Publier")).to_be_focused()
    page.keyboard.press("Enter")
    mine = article_of(top_items(page).first)
    expect(mine).to_be_focused()
    expect(mine.locator(".palabre-author")).to_have_text("Dominique")
    # the reply form opens, takes focus, and Escape closes it and gives focus back
    page.keyboard.press("Tab")
    reply_btn = mine.locator(".palabre-reply-btn")
    expect(reply_btn).to_be_focused()
    page.keyboard.press("Enter")
    expect(mine.get_by_label(re.compile("^Votre réponse à"))).to_be_focused()
    expect(reply_btn).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(reply_btn).to_be_focused()
    expect(mine.locator(".palabre-slot form")).to_have_count(0)


def test_english_locale(page: Page, host: HostSite, thread_key: str) -> None:
    host.server.post(thread_key, SENTENCES[0])
    host.server.post(thread_key, SENTENCES[1])
    page.goto(host.article("/en", thread_key, lang="en-GB", extra_attrs='data-palabre-limit="1"'))
    expect(page.locator(".palabre-count")).to_have_text("2 comments")
    form = main_form(page)
    expect(form.get_by_label("Your comment", exact=True)).to_be_visible()
    expect(form.get_by_role("button", name="Post")).to_be_visible()
    expect(page.get_by_role("button", name="Show earlier comments")).to_be_visible()
    first = article_of(top_items(page).first)
    expect(first.get_by_role("button", name="Report")).to_be_visible()
    expect(first.locator(".palabre-reply-btn")).to_have_text("Reply")
    expect(first.locator(".palabre-author")).to_have_text("Anonymous")
    first.get_by_role("button", name="Report").click()
    expect(first.locator(".palabre-report legend")).to_have_text("Reason")


def test_lang_attribute_beats_page_language(page: Page, host: HostSite, thread_key: str) -> None:
    page.goto(host.article("/fr-en", thread_key, extra_attrs='data-palabre-lang="en"'))
    expect(page.locator(".palabre-count")).to_have_text("No comments")


def test_api_error_shown_and_text_kept(page: Page, host: HostSite, thread_key: str) -> None:
    with host.server.api() as client:
        max_length = client.get("/api/config").json()["max_length"]
        too_long = ("Ceci est trop long. " * (max_length // 10))[: max_length + 1]
        expected = client.post("/api/comments", json={"thread": thread_key, "text": too_long})
    assert expected.status_code >= 400
    message = expected.json()["error"]["message"]
    page.goto(host.article("/erreur", thread_key))
    form = main_form(page)
    box = form.get_by_label("Votre commentaire", exact=True)
    box.fill(too_long)
    expect(form.locator(".palabre-counter")).to_have_text("1 caractère de trop")
    form.get_by_role("button", name="Publier").click()
    alert = form.get_by_role("alert")
    expect(alert).to_have_text(message)
    expect(box).to_have_value(too_long)
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_be_focused()
    expect(top_items(page)).to_have_count(0)


def test_count_js_fills_all_in_one_request(
    page: Page, host: HostSite, thread_key: str, watch: Watch
) -> None:
    two, one, none = thread_key + "-a", thread_key + "-b", thread_key + "-c"
    host.server.post(two, SENTENCES[2])
    host.server.post(two, SENTENCES[3])
    host.server.post(one, SENTENCES[4])
    page.goto(host.index("/", [two, one, none, two]))
    counts = page.locator("[data-palabre-count]")
    expect(counts).to_have_text(
        ["2 commentaires", "1 commentaire", "Aucun commentaire", "2 commentaires"]
    )
    assert sum("/api/counts" in url for url in watch.requests) == 1


def test_form_fields_are_labelled_and_actions_are_buttons(
    page: Page, host: HostSite, thread_key: str
) -> None:
    host.server.post(thread_key, SENTENCES[5])
    page.goto(host.article("/a11y", thread_key))
    first = article_of(top_items(page).first)
    first.get_by_role("button", name="Alerter").click()
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        '.palabre input, .palabre textarea, .palabre select')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
        .map(el => el.outerHTML)""")
    assert unlabelled == []
    # actions are buttons; the only link is real navigation (the Atom feed, rel=alternate)
    clickable = page.evaluate("""() => [...document.querySelectorAll(
        '.palabre [onclick], .palabre a:not([rel=alternate])')].map(el => el.outerHTML)""")
    assert clickable == []
    assert page.locator(".palabre-hp").get_attribute("aria-hidden") == "true"
    assert page.locator(".palabre-hp input").get_attribute("tabindex") == "-1"
    assert page.locator(".palabre-hp").bounding_box()["x"] < 0  # type: ignore[index]
    expect(page.get_by_role("region", name="1 commentaire")).to_be_visible()


def test_reduced_motion_disables_animation(
    browser: Browser, host: HostSite, thread_key: str
) -> None:
    context = browser.new_context(reduced_motion="reduce")
    try:
        pg = context.new_page()
        pg.goto(host.article("/calme", thread_key))
        form = pg.locator("form.palabre-main-form")
        write(form, CLEAN)
        form.get_by_role("button", name="Publier").click()
        new = pg.locator(".palabre-new")
        expect(new).to_be_visible()
        assert new.evaluate("el => getComputedStyle(el).animationName") == "none"
    finally:
        context.close()


def test_host_theme_variables_apply(page: Page, host: HostSite, thread_key: str) -> None:
    style = "<style>#palabre-thread { --palabre-accent: rgb(163, 25, 43); }</style>"
    page.goto(host.article("/theme", thread_key, head=style))
    button = main_form(page).get_by_role("button", name="Publier")
    expect(button).to_have_css("background-color", "rgb(163, 25, 43)")


def test_refused_comment_cites_the_charter_and_keeps_text(
    page: Page, host: HostSite, thread_key: str
) -> None:
    insult = "Vous êtes un crétin fini et un abruti."
    page.goto(host.article("/refus", thread_key))
    form = main_form(page)
    write(form, insult)
    form.get_by_role("button", name="Publier").click()
    outcome = form.locator(".palabre-status .palabre-refused")
    expect(outcome).to_contain_text("n’a pas été publié")
    expect(outcome.locator(".palabre-clauses li").first).to_contain_text("insultes")
    expect(form.get_by_label("Votre commentaire", exact=True)).to_have_value(insult)
    expect(top_items(page)).to_have_count(0)
    expect(page.locator(".palabre-count")).to_have_text("Aucun commentaire")


def test_held_comment_is_shown_to_its_author_only(
    page: Page, host: HostSite, thread_key: str
) -> None:
    held = {
        "comment": {
            "id": 999_999, "parent": None, "author": "Camille", "verified": False,
            "html": f"<p>{CLEAN}</p>", "status": "held", "created_at": "2026-11-21T10:00:00Z",
            "edited_at": None, "deleted": False, "replies": [],
        },
        "edit_token": "jeton", "edit_until": "2099-01-01T00:00:00Z",
        "moderation": {
            "decision": "hold", "clauses": [],
            "message": "Votre commentaire est en attente de modération ; il sera publié après "
            "relecture.",
        },
    }  # fmt: skip

    def answer(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        route.fulfill(status=201, content_type="application/json", body=json.dumps(held))

    page.route(f"{host.server.url}/api/comments", answer)
    page.goto(host.article("/attente", thread_key))
    form = main_form(page)
    write(form, CLEAN, "Camille")
    form.get_by_role("button", name="Publier").click()
    mine = article_of(top_items(page).first)
    expect(mine.locator(".palabre-badge")).to_have_text("En attente de modération")
    expect(mine.locator(".palabre-notice.palabre-held")).to_contain_text("en attente de modération")
    expect(mine.locator(".palabre-reply-btn")).to_have_count(0)
    expect(mine.get_by_role("button", name="Modifier")).to_be_visible()
    expect(mine).to_be_focused()
