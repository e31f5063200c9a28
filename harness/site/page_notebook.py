"""The executed notebook of a page: the page's code in page order, with the outputs of that run.

This is the one place notebooks become site pages. Each page gets
``docs/generated/_notebooks/<page>.ipynb`` (rendered by mkdocs-jupyter, which
also offers the file for download) and ``docs/generated/_notebooks/<page>.md``,
the line the page includes to link to it. To move to a site generator without
mkdocs-jupyter (Zensical), only this module and the plugin entry in mkdocs.yml
change: convert the same notebooks to static HTML here.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import nbformat
import yaml

from harness import REPO_ROOT
from harness.run.page_scripts import SessionScript
from harness.run.records import Record, RecordStore
from harness.site import output
from harness.site.evidence import describe_run
from harness.site.fragments import without_machine_paths

NOTEBOOKS = "_notebooks"  # under docs/generated/; "_": not an example fragment (see pages.Include)
RESTART = (
    "**重启内核，再往下运行**（在 Jupyter 里：Kernel → Restart；或者新开一个 Python）：{why}。"
    "磁盘上的文件还在，前面定义的变量都没有了。"
)


def colab_url(notebook_path: str) -> str | None:
    """Open in Colab, derived from mkdocs.yml's repo_url: the published site lives on gh-pages."""
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    repo = config.get("repo_url", "").rstrip("/")
    if not repo.startswith("https://github.com/"):
        return None
    return f"https://colab.research.google.com/github/{repo.removeprefix('https://github.com/')}/blob/gh-pages/{notebook_path}"


MAX_WIDTH = 900  # px: wider figures are scaled down in the notebook (the page keeps the original)


def compact_png(path: Path) -> bytes:
    """A notebook embeds its figures: a 256-colour palette keeps plots sharp at a third of the bytes."""
    from PIL import Image

    with Image.open(path) as image:
        image = image.convert("RGB")
        if image.width > MAX_WIDTH:
            image = image.resize((MAX_WIDTH, round(image.height * MAX_WIDTH / image.width)))
        buffer = io.BytesIO()
        image.quantize(colors=256).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _outputs(record: Record, start: int, end: int, files: Path, repo_root: str) -> list:
    outputs = []
    text = without_machine_paths(output.printed(record, (start, end), last=False), repo_root)
    if text:
        outputs.append(nbformat.v4.new_output("stream", name="stdout", text=text + "\n"))
    for figure in output.figures(record, (start, end), last=False):
        path = files / figure["file"]
        if path.suffix == ".png":
            data = {"image/png": base64.b64encode(compact_png(path)).decode("ascii")}
            outputs.append(nbformat.v4.new_output("display_data", data=data))
    return outputs


def build(
    title: str,
    page_url: str,
    scripts: list[SessionScript],
    runs: list[tuple[Record, RecordStore]],
    sessions_why: list[str],
) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    repo_root = str(REPO_ROOT)
    intro = [
        f"# {title} · notebook",
        "",
        f"这是页面[《{title}》]({page_url})上全部代码按页面顺序组成的 notebook，输出来自测试套件的那次运行："
        "每一段都在一个新的 Python 进程里从上到下执行，并且连续执行两遍（相当于在 notebook 里重跑一次）。",
    ]
    notebook.cells.append(nbformat.v4.new_markdown_cell("\n".join(intro)))
    count = 0
    for index, (script, (record, store), why) in enumerate(zip(scripts, runs, sessions_why, strict=True), 1):
        if index > 1:
            notebook.cells.append(nbformat.v4.new_markdown_cell(RESTART.format(why=why.rstrip("。"))))
        files = store.files_dir(script.snippet.stem)
        for span in script.first_run():
            count += 1
            source = span.cell.code
            if span.cell.save_as:
                source = f"%%writefile {span.cell.save_as}\n{source}"
            cell = nbformat.v4.new_code_cell(source, execution_count=count)
            cell.metadata["source"] = span.cell.where
            cell.outputs = _outputs(record, span.start, span.end, files, repo_root)
            notebook.cells.append(cell)
        notebook.cells.append(
            nbformat.v4.new_markdown_cell(f"*以上第 {index} 段已验证：{describe_run(record)}*")
        )
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # nbformat draws random ids: the same records must give the same file
    return notebook


# Material's meta plugin applies this to every page in the folder: the notebooks stay out of
# the search index (their code is indexed on the pages themselves).
FOLDER_META = "search:\n  exclude: true\n"
META_FILE = "_meta.yml"  # mkdocs.yml names it (plugins: meta: meta_file)


def link_fragment(stem: str, sessions: int) -> str:
    """What a page includes to offer its notebook. The viewer is a Markdown link (MkDocs checks
    and rewrites it); the raw file, copied next to the viewer by mkdocs-jupyter, is a plain
    link from the page's folder (every topic page sits one level below the site root)."""
    raw = f"generated/{NOTEBOOKS}/{stem}/{stem}.ipynb"
    url = colab_url(raw)
    colab = f' · <a href="{url}">在 Colab 中打开</a>' if url else ""
    split = f"，分 {sessions} 段（段与段之间要重启内核）" if sessions > 1 else ""
    return (
        f'!!! info "本页的全部代码也是一个 notebook{split}"\n\n'
        f"    [在线查看（含输出）](generated/{NOTEBOOKS}/{stem}.ipynb) · "
        f'<a href="../{raw}" download>下载 {stem}.ipynb</a>{colab}\n'
    )
