"""Every glossary term occurs on some page other than the glossary, so its tooltip fires somewhere.

Terms are read the way the site reads them (harness.site.glossary.terms); a term counts only where a
tooltip can appear: in prose, not inside a fenced code block or an inline code span.
"""

from __future__ import annotations

import re

from harness.site.glossary import GLOSSARY_PAGE, terms
from harness.site.pages import FENCE_RE, pages

INLINE_CODE_RE = re.compile(r"(`+).+?\1")


def prose(text: str) -> str:
    """The page's text without fenced code blocks and inline code spans."""
    kept, fence = [], None
    for line in text.splitlines():
        opener = FENCE_RE.match(line)
        if fence is None and opener:
            fence = opener.group("fence")
            continue
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip()[len(fence) :].strip():
                fence = None
            continue
        kept.append(INLINE_CODE_RE.sub(" ", line))
    return "\n".join(kept)


def test_the_glossary_has_terms():
    assert len(terms()) >= 10


def test_every_glossary_term_occurs_on_another_page():
    texts = {
        page.name: prose(page.read_text(encoding="utf-8"))
        for page in pages()
        if page.resolve() != GLOSSARY_PAGE.resolve()
    }
    unused = [term for term in terms() if not any(term in text for text in texts.values())]
    assert not unused, (
        "glossary terms that no page uses (their tooltips never show; use the term the pages use, "
        f"or drop it from docs/glossary.md): {unused}"
    )


def test_prose_drops_code():
    text = "正文 `批量规范化` 正文\n```python\n# 提前停止\n```\n早停"
    assert "批量规范化" not in prose(text) and "提前停止" not in prose(text)
    assert "早停" in prose(text)
