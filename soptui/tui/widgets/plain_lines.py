"""Lines of a widget without borders or padding, handed on as the widget drew them.

Textual passes every line a widget draws through its style cache, which puts the line in the
widget's box (borders, padding, tint, opacity) and makes a new Strip of it, even when the box
adds nothing; the app's line filters then run on that new Strip, and the screen cuts it up,
again for nothing when the line is one it had before. The corpus list and the tables have no
box, and keep the lines they draw: with this cache a kept line goes to the screen as the same
Strip, whose filtered and cut copies Strip keeps. Any box at all, and Textual's own path draws
the line. `tests/tui/test_drawing.py` holds the two to the same lines.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache
from textual.strip import Strip


class PlainLinesCache(StylesCache):
    _plain = False

    def render(self, styles, size, base_background, background, render_content_line, filters, border_title,
               border_subtitle, content_size=None, padding=None, crop=None, opacity=1.0, **kwargs):
        padding = styles.padding if padding is None else padding
        # Whether the box adds nothing to a line: worked out once a frame, not once a line.
        self._plain = (
            not any(padding) and (content_size is None or content_size == size) and opacity == 1.0
            and not any(edge for edge, _ in styles.border) and not any(edge for edge, _ in styles.outline)
            and not styles.tint.a and styles.text_opacity == 1.0
            and not (styles.has_rule("hatch") and styles.hatch != "none")
        )
        return super().render(styles, size, base_background, background, render_content_line, filters,
                              border_title, border_subtitle, content_size=content_size, padding=padding,
                              crop=crop, opacity=opacity, **kwargs)

    def render_line(self, styles, y, size, content_size, padding, base_background, background,
                    render_content_line, *args) -> Strip:
        if not self._plain:
            return super().render_line(styles, y, size, content_size, padding, base_background, background,
                                       render_content_line, *args)
        inner, _ = self.get_inner_outer(base_background, background)
        if y < size.height:
            # The style cache's own steps for such a line (its case C, nothing added around it)
            return render_content_line(y).adjust_cell_length(size.width, inner.rich_style)
        return Strip.blank(size.width, inner.rich_style)


class PlainLines:
    """A mixin: the widget's lines go through a PlainLinesCache."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = PlainLinesCache()
