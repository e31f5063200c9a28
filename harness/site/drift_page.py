"""The 版本漂移 page: the last drift report (keras-nightly against the pinned release) as a table."""

from __future__ import annotations

import json
from pathlib import Path

from harness.run.drift import DRIFT_FILE
from harness.site.errors_index import entries_by_section

VERDICT_LABELS = {
    "same": "输出相同",
    "output changed": "输出有变化",
    "fails on nightly": "nightly 上失败",
    "passes on nightly only": "仅 nightly 通过",
    "not run": "未运行",
}


def render_markdown(path: Path = DRIFT_FILE) -> str:
    if not path.exists():
        return (
            '!!! info "尚无漂移记录"\n\n'
            "    构建这份站点的机器上还没有运行过 `nox -s drift`，所以这里没有对比结果。\n"
        )
    report = json.loads(path.read_text(encoding="utf-8"))
    lines = [
        f"对比日期：{report['date']} · 后端：{report['backend']} · 设备：{report['device'].upper()}",
        "",
        "| 例子 | 结论 | 固定版本 | nightly | 说明 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in report["rows"]:
        detail = row["error"].replace("|", "\\|")
        lines.append(
            f"| `{row['snippet']}` | {VERDICT_LABELS[row['verdict']]} | {row['pinned'] or '—'} | "
            f"{row['nightly'] or '—'} | {detail} |"
        )
    return _changed_error_entries(report["rows"]) + "\n".join(lines) + "\n"


def _changed_error_entries(rows: list[dict]) -> str:
    """The 常见报错 entries whose section failed or printed something else on nightly, above the table."""
    entries = entries_by_section()
    changed = [
        entries[(row["snippet"], name)]
        for row in rows
        for name in row.get("sections", [])
        if (row["snippet"], name) in entries
    ]
    if not changed:
        return ""
    items = "\n".join(f"    - [{entry.heading}](errors.md#{entry.anchor})" for entry in changed)
    return (
        f'!!! warning "常见报错：{len(changed)} 条的报错文字在 nightly 上变了"\n\n'
        "    下面这些条目以报错原文为标题；在 keras-nightly 上，触发它的那段代码失败了或打印了别的文字。"
        "升级固定版本之前，要按新文字改写条目：\n\n"
        f"{items}\n\n"
    )
