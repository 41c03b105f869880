"""Checks across a deck's files: ids unique, citations known, durations adding up.

They run once every section is built, as :meth:`CrossChecks.cross_checks`; each problem points
at the value it is about.
"""

from __future__ import annotations

from desktop.core.i18n import _
from desktop.core.loader_base import LoaderBase, get_node
from desktop.core.model import MAX_DURATION, Section, Slide, Source, format_duration
from desktop.core.problems import Location
from desktop.core.yaml_nodes import Node, shorten


class CrossChecks(LoaderBase):
    """The checks that need the whole deck."""

    def cross_checks(
        self,
        sections: tuple[tuple[Section, Location | None], ...],
        sources: dict[str, Source],
        deck_node: Node,
    ) -> None:
        """Ids unique across files, citations known, durations adding up.

        Each problem points at the value it is about: the duplicate id (or, for an id taken
        from the file name, the `sections` item naming the file), the unknown source id in
        the slide's `sources`.
        """
        section_ids: dict[str, Section] = {}
        slide_ids: dict[str, Slide] = {}
        for section, id_at in sections:
            if section.id in section_ids:
                first = section_ids[section.id].file.name
                self.error(
                    id_at or Location(section.file, 1, 1),
                    _("duplicate section id `{id}` (also in {file})").format(
                        id=shorten(section.id), file=first
                    ),
                    "id",
                )
            section_ids[section.id] = section
            for slide in section.slides:
                if slide.id in slide_ids:
                    first_at = slide_ids[slide.id].location("id")
                    self.error(
                        slide.location("id"),
                        _("duplicate slide id `{id}` (first at {place})").format(
                            id=shorten(slide.id),
                            place=f"{first_at.file.name}:{first_at.line}:{first_at.column}",
                        ),
                        f"{slide.path}.id",
                    )
                slide_ids[slide.id] = slide
                for index, source_id in enumerate(slide.sources):
                    if source_id not in sources:
                        self.error(
                            slide.location(f"sources[{index}]"),
                            _(
                                "slide `{slide}` cites unknown source `{source}`; add it to"
                                " deck.yaml `sources`"
                            ).format(slide=shorten(slide.id), source=shorten(source_id)),
                            f"{slide.path}.sources[{index}]",
                        )
                if slide.layout.is_content and not slide.sources:
                    self.warning(
                        slide.origin,
                        _("content slide `{slide}` has no `sources`; cite what it rests on").format(
                            slide=shorten(slide.id)
                        ),
                        "sources",
                    )
        self.check_hidden_sources(tuple(s for s, _ in sections), sources)
        self.check_durations(tuple(s for s, _ in sections), deck_node)

    def check_hidden_sources(
        self, sections: tuple[Section, ...], sources: dict[str, Source]
    ) -> None:
        """A warning at the first hidden slide citing a source that no shown slide cites: the
        sources slide and page list it, yet no slide the audience sees rests on it."""
        shown = {
            sid for s in sections for slide in s.slides if not slide.hidden for sid in slide.sources
        }
        warned: set[str] = set()
        for section in sections:
            for slide in section.slides:
                if not slide.hidden:
                    continue
                for index, source_id in enumerate(slide.sources):
                    if source_id in shown or source_id in warned or source_id not in sources:
                        continue
                    warned.add(source_id)
                    self.warning(
                        slide.location(f"sources[{index}]"),
                        _(
                            "source `{source}` is cited only on hidden slides (this one first);"
                            " cite it on a shown slide, or unhide this one"
                        ).format(source=shorten(source_id)),
                        f"{slide.path}.sources[{index}]",
                    )

    def check_durations(self, sections: tuple[Section, ...], deck_node: Node) -> None:
        planned = self.duration(deck_node, "duration")
        plans = [s.duration for s in sections]
        total = 0
        for section in sections:
            total += section.duration or 0
            if total > MAX_DURATION:
                self.error(
                    section.location("duration"),
                    _(
                        "the sections plan more than a day in all ({total} up to this one; at"
                        " most {limit}); shorten the plans"
                    ).format(total=format_duration(total), limit=format_duration(MAX_DURATION)),
                    "duration",
                )
                return
        if planned is None or not plans or any(p is None for p in plans):
            return
        total = sum(p for p in plans if p is not None)
        if total != planned:
            where = get_node(deck_node, "duration")
            assert where is not None
            self.warning(
                where.location,
                _("sections plan {total} but the deck's `duration` is {planned}").format(
                    total=format_duration(total), planned=format_duration(planned)
                ),
                "duration",
            )
