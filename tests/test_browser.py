"""What a reader sees, checked in a real browser: Debian's Chromium driven by Playwright.

The built site is served on 127.0.0.1; Chromium runs headless with background
networking off, so any request that leaves the machine shows up as a failure.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from harness import REPO_ROOT
from harness.snippet import parse

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGE_BYTES_BUDGET = 1_500_000  # one topic page with its figures, scripts and styles
SEARCH_INDEX_BUDGET = 1_500_000
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"  # pinned in package-lock.json
AXE_FAILS_ON = ("serious", "critical")
# Serious or critical axe findings that mkdocs-material's own markup or colours cause, not our
# CSS (docs/stylesheets/verified.css) or palette: (rule id, CSS selector the element matches or
# sits inside) -> why it is the theme's. Each one found is printed; anything else fails the test.
THEME_CAUSED: dict[tuple[str, str], str] = {
    # mkdocs-material's Pygments palette (--md-code-hl-*) on its code background: light comments and
    # operators #717171 on #f5f5f5 (4.47:1), slate numbers #e6695b and constants #9383e2 on #272a35
    # (4.44:1, 4.48:1). Only the coloured tokens: plain code text is not covered.
    ("color-contrast", ".md-typeset .highlight span[class]"): "theme's code highlighting colours",
    # The header search box is a role=dialog the theme gives no accessible name.
    ("aria-dialog-name", ".md-search"): "theme's search dialog has no name",
    # The footer's "Made with Material for MkDocs" line, #7f7f7f on #171717 (4.47:1).
    ("color-contrast", ".md-copyright"): "theme's footer text colour",
    # Notebook pages (generated/_notebooks/) are mkdocs-jupyter's markup and stylesheet: its own
    # Pygments colours (#008800, #408080, #aa22ff) and code cells that scroll without tabindex.
    ("color-contrast", ".jupyter-wrapper .highlight-ipynb span[class]"): "mkdocs-jupyter's code colours",
    ("scrollable-region-focusable", ".jupyter-wrapper .highlight-ipynb"): "mkdocs-jupyter's code cells",
}
SEARCHES = {
    "回调": "callbacks",
    "转置卷积": "upsampling",
    "保存模型": "saving",
    "学习率": "optimizers",
}


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser(built_site):  # built_site first: where it skips (JAX, PyTorch), Chromium never starts (24 s)
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed (tools/bootstrap.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def new_context(browser, server, **options):
    """A browser context on the local site. The theme's repository widget (repo_url) asks GitHub's
    API for the latest release and star count on every page; offline, that lookup fails after a DNS
    timeout or not, depending on how long the page takes. Answer it here, the same way every time;
    any other request that leaves the machine still fails the tests."""
    context = browser.new_context(base_url=server, **options)
    facts = {"tag_name": "v0.0.0", "stargazers_count": 0, "forks_count": 0}
    context.route(re.compile(r"^https://api\.github\.com/repos/"), lambda route: route.fulfill(json=facts))
    return context


@pytest.fixture()
def page(browser, server):
    context = new_context(browser, server, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    yield page
    context.close()


def site_pages(built_site: Path) -> list[str]:
    pages = []
    for index in sorted(built_site.rglob("index.html")):
        rel = index.parent.relative_to(built_site).as_posix()
        if not rel.startswith(("generated", "search", "assets")):
            pages.append("" if rel == "." else rel + "/")
    return pages


def every_html_page(built_site: Path) -> list[str]:
    """Every page a reader can open: topic pages, notebook pages, the 404 page."""
    pages = []
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site).as_posix()
        if not rel.startswith(("assets/", "search/")):
            pages.append(rel.removesuffix("index.html"))
    return pages


# The palettes differ only in colours: the same DOM, so in the dark one only the rules that read
# colours can find anything the light run did not (each axe run took ~3.4 s a page here).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_RUN = """async ({allowed, impacts, rules}) => {
    const options = {resultTypes: ['violations']};
    if (rules) options.runOnly = {type: 'rule', values: rules};
    const result = await axe.run(document, options);
    const found = [];
    for (const rule of result.violations) {
        for (const node of rule.nodes) {
            const impact = node.impact || rule.impact;
            if (!impacts.includes(impact)) continue;
            const target = node.target.map(t => Array.isArray(t) ? t.join(' >> ') : t).join(' ');
            const first = node.target[0];
            const element = typeof first === 'string' ? document.querySelector(first) : null;
            const theirs = allowed.find(([id, selector]) =>
                id === rule.id && element && element.closest(selector));
            found.push({rule: rule.id, impact, target, html: node.html.slice(0, 200),
                        why: node.failureSummary, theme: theirs ? theirs[2] : null});
        }
    }
    return found;
}"""


# Pages in flight at once: each tab is its own renderer process, so two use both cores, and one
# tab's waits (its axe run, the network staying idle) pass while the other loads. One at a time
# left a core idle: axe ~7 s a page; the page visits 51-70 s against 38-51 s (back to back).
TABS_IN_FLIGHT = 2


def overlapped(items, start, finish):
    """``finish(start(item))`` for every item, in order, with up to TABS_IN_FLIGHT started at once."""
    in_flight = []
    for item in items:
        in_flight.append(start(item))
        if len(in_flight) == TABS_IN_FLIGHT:
            yield finish(in_flight.pop(0))
    while in_flight:
        yield finish(in_flight.pop(0))


def axe_results(context, paths: list[str], options: dict):
    """(path, findings) for every page, in order; the next page loads while axe runs in the last."""

    def start(path):
        page = context.new_page()
        page.goto(path, wait_until="networkidle")
        page.add_script_tag(path=str(AXE_SCRIPT))
        page.evaluate(f"(options) => {{ window.__axeFound = ({AXE_RUN})(options); }}", options)
        return path, page

    def finish(started):
        path, page = started
        found = page.evaluate("() => window.__axeFound")  # waits for that page's run to end
        page.close()
        return path, found

    return overlapped(paths, start, finish)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations_of_ours_on_any_page(browser, built_site, server, scheme):
    """axe-core in every built page, in both palettes (the theme follows prefers-color-scheme):
    every rule in the light one, the colour rules in the dark one."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT.relative_to(REPO_ROOT)} is missing: tools/bootstrap.sh runs `npm ci`")
    allowed = [[rule, selector, why] for (rule, selector), why in THEME_CAUSED.items()]
    viewport = {"width": 1280, "height": 900}
    context = new_context(browser, server, color_scheme=scheme, viewport=viewport)
    # Every page load has the theme's search worker fetch the whole index and build it (~15% of
    # this test's time here); the index changes no element axe checks, and the search tests use it.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    one_entry = {"config": index["config"], "docs": index["docs"][:1]}
    context.route(re.compile(r"/search/search_index\.json$"), lambda route: route.fulfill(json=one_entry))
    ours, theirs = [], {}
    options = {
        "allowed": allowed,
        "impacts": list(AXE_FAILS_ON),
        "rules": COLOUR_RULES if scheme == "dark" else None,
    }
    print(f"\naxe ({scheme}): serious/critical findings per page, ours + theme-caused")
    for path, found in axe_results(context, every_html_page(built_site), options):
        mine = [f for f in found if f["theme"] is None]
        theme = [f for f in found if f["theme"] is not None]
        print(f"  {len(mine):>3} + {len(theme):>3}  /{path}")
        for f in mine:
            ours.append(f"/{path}: {f['rule']} ({f['impact']}) {f['target']}\n  {f['html']}\n  {f['why']}")
        for f in theme:
            theirs.setdefault((f["rule"], f["theme"]), []).append(f"/{path} {f['target']}")
    context.close()
    for (rule, why), where in sorted(theirs.items()):
        print(f"theme-caused, allowed: {rule} x{len(where)} ({why}); e.g. {where[0]}")
    assert not ours, f"{len(ours)} serious/critical axe findings caused by our pages:\n" + "\n".join(ours)


@dataclass
class PageVisit:
    """What one load of a topic page showed: the three page-wide checks read the same load."""

    path: str
    errors: list[str]  # console errors and uncaught exceptions
    failed: list[str]  # failed requests and HTTP errors
    bytes_in: int  # transferred, the search index excluded (fetched once for the whole site)
    images: list[tuple[str, int]]  # (src, naturalWidth) of every image in the article
    hrefs: list[str]  # every link, resolved by the browser


class _Visit:
    """One page being loaded: its tab and what its listeners have collected so far."""

    def __init__(self, context, path: str):
        self.path = path
        self.page = page = context.new_page()
        self.errors, self.failed, self.sizes = [], [], {}
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("response", self._on_response)
        page.goto(path, wait_until="commit")  # the rest of the load goes on while the previous tab is read

    def _on_response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")
        else:
            length = response.headers.get("content-length")  # the local server sends it: no body copy
            self.sizes[response.url] = int(length) if length is not None else len(response.body())

    def finish(self) -> PageVisit:
        page = self.page
        page.wait_for_load_state("load")
        page.wait_for_load_state("networkidle")
        images = page.evaluate(
            """async () => Promise.all([...document.querySelectorAll('article img')].map(async img => {
                   img.loading = 'eager';
                   try { await img.decode(); } catch (e) {}
                   return [img.getAttribute('src'), img.naturalWidth];
               }))"""
        )
        page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        page.remove_listener("response", self._on_response)
        hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
        bytes_in = sum(n for url, n in self.sizes.items() if "search_index" not in url)
        page.close()
        return PageVisit(self.path, self.errors, self.failed, bytes_in, [tuple(i) for i in images], hrefs)


@pytest.fixture(scope="module")
def visits(browser, built_site, server) -> list[PageVisit]:
    """Every topic page loaded once, each in a fresh tab (nothing left over from the previous one);
    three loads of each page, one per check, took ~110 s here."""
    context = new_context(browser, server, viewport={"width": 1280, "height": 900})
    found = list(overlapped(site_pages(built_site), lambda path: _Visit(context, path), _Visit.finish))
    context.close()
    return found


def test_every_page_loads_without_errors_or_failed_requests(visits):
    problems = [f"/{v.path}: console={v.errors} failed={v.failed}" for v in visits if v.errors or v.failed]
    print("\npage weight (bytes transferred, search index excluded):")
    for v in sorted(visits, key=lambda v: -v.bytes_in):
        print(f"  {v.bytes_in:>9,d}  {v.path or 'index'}")
    assert not problems, "\n".join(problems)
    heavy = {v.path or "index": v.bytes_in for v in visits if v.bytes_in > PAGE_BYTES_BUDGET}
    assert not heavy, f"pages over the {PAGE_BYTES_BUDGET:,d}-byte budget: {heavy}"


def test_search_index_stays_small(built_site):
    size = (built_site / "search" / "search_index.json").stat().st_size
    print(f"\nsearch index: {size:,d} bytes")
    assert size < SEARCH_INDEX_BUDGET


@pytest.mark.parametrize("query, expected", SEARCHES.items())
def test_chinese_search_finds_the_right_page(page, query, expected):
    page.goto("")
    page.locator("input.md-search__input").fill(query)  # the header search box, desktop layout
    results = page.locator("li.md-search-result__item > a")
    results.first.wait_for(timeout=15_000)
    top = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 5))]
    assert any(f"{expected}/" in href for href in top), f"{query!r} → {top}"


def test_copy_button_copies_exactly_the_snippet_and_it_runs(page, tmp_path):
    page.goto("quickstart/")
    block = page.locator("div.highlight").first
    block.hover()
    block.locator("button[data-md-type='copy'], button.md-clipboard").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    expected = parse(REPO_ROOT / "snippets" / "quickstart" / "regression.py").section_text("data")
    assert copied.strip("\n") == expected.strip("\n")
    script = tmp_path / "copied.py"
    script.write_text(copied, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "train: (160,)" in run.stdout


def test_every_figure_and_diagram_loads(visits):
    broken = [f"/{v.path}: {src}" for v in visits for src, width in v.images if width == 0]
    assert sum(len(v.images) for v in visits) > 0, "no figure found: the check would pass on anything"
    assert not broken, broken


def test_dark_mode_switches(page):
    page.goto("")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_internal_links_and_anchors_resolve(visits, built_site, server):
    missing = []
    ids_cache: dict[str, set[str]] = {}
    for visit in visits:
        for href in visit.hrefs:
            if not href.startswith(server):
                continue
            target, fragment = urldefrag(href)
            target_path = urlparse(target).path
            file = built_site / target_path.lstrip("/")
            if file.is_dir() or target_path.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                missing.append(f"/{visit.path} → {href}")
                continue
            if fragment and file.suffix == ".html":
                ids = ids_cache.setdefault(
                    str(file), set(re.findall(r'id="([^"]+)"', file.read_text(encoding="utf-8")))
                )
                if fragment not in ids:
                    missing.append(f"/{visit.path} → {href} (no such anchor)")
    assert not missing, "\n".join(sorted(set(missing)))


def test_downloads_are_served(page, built_site, server):
    page.goto("quickstart/")
    links = page.evaluate("[...document.querySelectorAll('a[download]')].map(a => a.href)")
    assert any(link.endswith(".ipynb") for link in links) and any(link.endswith(".py") for link in links)
    for link in {urljoin(server, link) for link in links}:
        assert page.request.get(link).status == 200, link


def test_each_example_carries_one_compact_evidence_line(page):
    page.goto("quickstart/")
    runs = page.locator("div.snippet-run")
    assert runs.count() > 0
    for i in range(runs.count()):
        line = runs.nth(i).locator("p.run-line")
        assert line.count() == 1
        text = line.inner_text()
        assert "TensorFlow" in text and "JAX" in text and "PyTorch" in text and "GPU" in text, text
        assert line.locator("svg.run-icon").count() == 4  # theme icons, no emoji font needed


def test_the_report_is_a_filterable_matrix_with_a_sticky_header(page):
    page.goto("verification/")
    table = page.locator("table.run-report")
    assert table.count() == 1
    header = table.locator("thead th").first
    assert header.evaluate("h => getComputedStyle(h).position") == "sticky"
    box = page.locator("article").bounding_box()
    assert table.bounding_box()["width"] <= box["width"] + 1, "the matrix must fit its column at 1280 px"
    rows = table.locator("tr.run-report-row")
    problems = table.locator("tr.run-report-row.run-report-problem")
    total, bad = rows.count(), problems.count()
    assert total > 50
    page.locator("label[for='run-report-problems']").click()
    visible = sum(rows.nth(i).is_visible() for i in range(total))
    assert visible == bad  # the filter leaves only failures and stale records
    page.locator("label[for='run-report-problems']").click()  # filter off: every row again
    first = table.locator("tr.run-report-row td details summary").first
    first.click()
    assert first.locator("xpath=..").evaluate("d => d.open")  # details open on click


def test_a_page_notebook_opens_from_its_page(page, server):
    """The reader's way in: the notebook box on a page, the rendered notebook, the .ipynb file."""
    page.goto("quickstart/")
    box = page.locator(".admonition", has_text="notebook")
    href = box.locator("a", has_text="在线查看").get_attribute("href")
    page.goto(urljoin(urljoin(server, "quickstart/"), href))
    assert page.locator("h1", has_text="快速上手 · notebook").count() == 1
    cells = page.locator(".jp-CodeCell")
    assert cells.count() >= 5
    assert page.locator(".jp-OutputArea-output pre").count() >= 1, "printed output shown"
    assert page.locator(".jp-OutputArea-output img").count() >= 1, "figures shown"
    raw = page.request.get(urljoin(server, "generated/_notebooks/quickstart/quickstart.ipynb"))
    assert raw.status == 200 and raw.json()["nbformat"] == 4
