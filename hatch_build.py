"""Compile paxbill's gettext catalogs into the wheel.

The ``.po`` files under ``src/paxbill/locale`` are the source, kept with
babel's message tools (``nox -s catalogs``). A wheel also carries each one
compiled to ``.mo``, so that the command line reads its words without
compiling them at start-up; an editable install, or a source checkout,
compiles them in memory when they are first needed (``paxbill.io._words``).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogsHook(BuildHookInterface):
    """Write each language's ``.mo`` beside its ``.po`` in the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the catalogs and add them to a wheel (not an editable one)."""
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locale = Path(self.root, "src", "paxbill", "locale")
        compiled = self._compiled = Path(tempfile.mkdtemp(prefix="paxbill-catalogs-"))
        for source in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            language = source.parent.parent.name
            target = compiled / f"{language}-{source.stem}.mo"
            with source.open("rb") as po:
                catalog = read_po(po, locale=language, domain=source.stem)
            with target.open("wb") as mo:
                write_mo(mo, catalog)
            inside = source.relative_to(Path(self.root, "src")).with_suffix(".mo")
            build_data["force_include"][str(target)] = inside.as_posix()

    def finalize(
        self, version: str, build_data: dict[str, Any], artifact_path: str
    ) -> None:
        """Remove the compiled catalogs once the wheel holds them."""
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            shutil.rmtree(compiled, ignore_errors=True)
