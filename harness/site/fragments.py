"""One fragment per example: the code a reader copies, then what that code printed and drew.

A page shows section ``train`` of ``snippets/quickstart/regression.py`` with one line::

    --8<-- "generated/quickstart/regression/train.md"

(``_file.md`` for the whole file). The fragment holds the titled code block, the
output, figures, stand-in notice, stamp and evidence line. Pages include only
fragments, so the site needs nothing but ``pymdownx.snippets`` (Zensical carries it).
"""

from __future__ import annotations

import re

from harness.run.records import Record
from harness.site import output
from harness.site.evidence import describe_run
from harness.site.page_plan import module_files, new_process_reason
from harness.snippet import Section, Snippet

LONG_OUTPUT_LINES = 25
KEPT_LINES = 4  # of a collapsed long output: the end of a training log is what readers look for
SETUP_PREFIX = "setup"  # sections named setup* are shown collapsed: visible, copyable, out of the way

# Machine paths in printed output (a virtualenv, the builder's checkout, a snippet's temp folder).
_SITE_PACKAGES = re.compile(r"(?:/[^\s'\"():]+)+?/(?:site|dist)-packages/")
_TEMP_WORKDIR = re.compile(r"/tmp/snippet-[\w.-]+?-[\w]{8}/")


def without_machine_paths(text: str, repo_root: str) -> str:
    text = _SITE_PACKAGES.sub("…/site-packages/", text)
    text = _TEMP_WORKDIR.sub("", text)
    return text.replace(repo_root + "/", "")


def _indent(text: str) -> str:
    return "\n".join(("    " + line) if line else "" for line in text.splitlines())


def _text_block(text: str) -> str:
    return _indent("```text\n" + text + "\n```")


def output_block(text: str) -> str:
    """Short output open; long output collapsed, with its last lines kept in view."""
    lines = text.splitlines()
    if len(lines) <= LONG_OUTPUT_LINES:
        return f'!!! output "输出"\n\n{_text_block(text)}\n'
    tail = "\n".join(lines[-KEPT_LINES:])
    return (
        f'!!! output "输出（最后 {KEPT_LINES} 行）"\n\n{_text_block(tail)}\n\n'
        f'??? output "完整输出（共 {len(lines)} 行，点击展开）"\n\n{_text_block(text)}\n'
    )


def code_block(snippet: Snippet, section: Section | None) -> str:
    code = (
        snippet.section_text(section.name)
        if section
        else snippet.path.read_text(encoding="utf-8").strip("\n")
    )
    fence = "````" if "```" in code else "```"
    # a module file other snippets import: the reader saves it under its name, not runs it
    title = f"保存为 {snippet.path.name}（{snippet.rel}）" if snippet.rel in module_files() else snippet.rel
    block = f'{fence}python title="{title}"\n{code}\n{fence}\n'
    if section is not None and section.name.startswith(SETUP_PREFIX):
        return f'??? example "准备代码（{snippet.rel}，点击展开；复制运行时不要跳过）"\n\n{_indent(block)}\n'
    return block


def run_block(
    snippet: Snippet, record: Record, lines: tuple[int, int] | None, last: bool, line: str, repo_root: str
) -> str:
    """Output, figures, stand-in notice, stamp and evidence line for a line range (None: whole file)."""
    text = without_machine_paths(output.printed(record, lines, last), repo_root)
    parts = [output_block(text)] if text else []
    for figure in output.figures(record, lines, last):
        src = f"generated/{snippet.stem}/{figure['file']}"
        parts.append(f"![{snippet.path.name} 运行生成的图]({src}){{ .snippet-figure loading=lazy }}\n")
    for fname, note in sorted(record.standins.items()):
        parts.append(f'??? standin "输出来自替身数据：{fname}"\n\n{_indent(note)}\n')
    name = snippet.path.stem
    base = f"generated/{snippet.stem}/{name}"
    # Markdown links (not raw HTML) so MkDocs rewrites them relative to each page's URL
    downloads = (
        f" · [{name}.py]({base}.py){{ download }} · [{name}.ipynb（含输出）]({base}.ipynb){{ download }}"
    )
    parts.append(f'<p class="verified-stamp" markdown>已验证 · {describe_run(record)}{downloads}</p>\n')
    parts.append(line)
    # outputs, stamps and evidence repeat on every page: keep them out of the search index
    return '<div class="snippet-run" data-search-exclude markdown="1">\n\n' + "\n".join(parts) + "\n</div>\n"


NEW_PROCESS = (
    '!!! warning "新开一个 Python 再运行下面的代码（在 Jupyter 里：重启内核）"\n\n'
    "    {why}。磁盘上的文件还在，前面定义的变量都没有了。\n\n"
)


def fragment(
    snippet: Snippet, record: Record, section: Section | None, last: bool, line: str, repo_root: str
) -> str:
    lines = (section.start, section.end) if section else None
    first = section is None or section == snippet.ordered_sections()[0]
    why = new_process_reason(snippet) if first else ""
    notice = NEW_PROCESS.format(why=why.rstrip("。")) if why else ""
    return (
        notice
        + code_block(snippet, section)
        + "\n"
        + run_block(snippet, record, lines, last, line, repo_root)
    )
