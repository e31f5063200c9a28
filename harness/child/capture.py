"""Capture what a snippet prints and draws, tagged with the snippet line that did it.

The tag is the line of the snippet's *module-level* statement that was running,
so output produced deep inside Keras (a progress bar, a summary table, a
callback defined earlier) lands under the statement the reader sees, and a page
can show the output of each included section separately.
"""

from __future__ import annotations

import functools
import io
import sys
from pathlib import Path

IMAGE_SUFFIXES = {".png", ".svg", ".jpg", ".jpeg", ".gif"}


class SnippetLocator:
    def __init__(self, snippet_path: Path):
        self.filename = str(snippet_path)

    def current_line(self) -> int:
        """Line of the snippet's module-level statement now executing (0 if none)."""
        frame = sys._getframe(1)
        line = 0
        while frame is not None:
            if frame.f_code.co_filename == self.filename and frame.f_code.co_name == "<module>":
                line = frame.f_lineno
            frame = frame.f_back
        return line


class TaggedStdout(io.TextIOBase):
    """Stands in for sys.stdout; remembers (line, text) and echoes to the real stream."""

    def __init__(self, locator: SnippetLocator, echo):
        self.locator = locator
        self.echo = echo
        self.chunks: list[list] = []  # [line, text], merged while the line repeats

    def write(self, text: str) -> int:
        if not text:
            return 0
        line = self.locator.current_line()
        if self.chunks and self.chunks[-1][0] == line:
            self.chunks[-1][1] += text
        else:
            self.chunks.append([line, text])
        self.echo.write(text)
        return len(text)

    def flush(self) -> None:
        self.echo.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self):
        return "utf-8"


class FigureLog:
    """Images a snippet produced: plt.show() captures, savefig, plot_model, PIL saves."""

    def __init__(self, locator: SnippetLocator, folder: Path):
        self.locator = locator
        self.folder = folder
        self.entries: list[dict] = []  # {"line", "path"} with path relative to the workdir

    def add(self, path, line: int | None = None, explicit: bool = True) -> None:
        """Log an image. ``explicit``: drawn as a figure (show, savefig, plot_model).

        Other images (PIL saves, files that just appear) count only at the top of
        the working directory: images written into sub-folders are data, e.g. a
        directory of training images, not figures for the page.
        """
        path = Path(path)
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            return
        if not explicit and len(path.parts) > 1 and not path.is_absolute():
            return
        rel = (
            path.resolve().relative_to(Path.cwd().resolve()).as_posix()
            if path.is_absolute()
            else path.as_posix()
        )
        if any(e["path"] == rel for e in self.entries):
            return
        self.entries.append({"line": line if line is not None else self.locator.current_line(), "path": rel})

    def install(self) -> None:
        import matplotlib
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure

        matplotlib.use("Agg")
        log = self
        saved_figures: set[int] = set()
        real_savefig = Figure.savefig

        @functools.wraps(real_savefig)
        def savefig(fig, fname, *args, **kwargs):
            result = real_savefig(fig, fname, *args, **kwargs)
            if isinstance(fname, (str, Path)):
                saved_figures.add(id(fig))
                log.add(fname)
            return result

        @functools.wraps(plt.show)
        def show(*args, **kwargs):
            for number in plt.get_fignums():
                fig = plt.figure(number)
                if id(fig) not in saved_figures:
                    log.folder.mkdir(exist_ok=True)
                    target = log.folder / f"figure-{len(log.entries) + 1}.png"
                    real_savefig(fig, target, dpi=100, bbox_inches="tight")
                    log.add(target)
                plt.close(fig)

        Figure.savefig = savefig
        plt.show = show

        try:
            from PIL import Image
        except ImportError:
            return
        real_image_save = Image.Image.save

        @functools.wraps(real_image_save)
        def image_save(image, fp, *args, **kwargs):
            result = real_image_save(image, fp, *args, **kwargs)
            if isinstance(fp, (str, Path)):
                log.add(fp, explicit=False)
            return result

        Image.Image.save = image_save

    def install_plot_model(self) -> None:
        """plot_model writes through pydot, not PIL: log its to_file explicitly."""
        import keras
        from keras.src.utils import model_visualization

        real_plot_model = model_visualization.plot_model
        log = self

        @functools.wraps(real_plot_model)  # keep the real signature and docstring for help()/inspect
        def plot_model(model, to_file="model.png", *args, **kwargs):
            result = real_plot_model(model, to_file, *args, **kwargs)
            if Path(to_file).is_file():  # without Graphviz, under IPython Keras only prints a hint
                log.add(to_file)
            return result

        model_visualization.plot_model = plot_model
        keras.utils.plot_model = plot_model
