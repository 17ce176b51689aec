"""The exceptions khabar raises.

Problems with one document never raise: they are recorded in that document's ``errors``. These
exceptions are for calls that cannot be carried out at all.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urlparse

__all__ = ["InputError", "KhabarError", "MissingDependencyError", "install_command", "optional_import"]


@cache
def _installed_from() -> str:
    """What to give ``pip install`` to reinstall this khabar: the checkout folder or wheel file it
    was installed from (khabar is not on a package index yet), else the name ``khabar``."""
    try:
        direct = metadata.distribution("khabar").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        # run from a checkout without installing it: the checkout holds python/khabar
        checkout = Path(__file__).resolve().parents[2]
        return str(checkout) if (checkout / "pyproject.toml").exists() else "khabar"
    if direct is None:  # installed from a package index
        return "khabar"
    try:
        url = json.loads(direct).get("url", "")
    except (ValueError, AttributeError):
        return "khabar"
    parsed = urlparse(url)
    return unquote(parsed.path) if parsed.scheme == "file" and parsed.path else "khabar"


def install_command(extra: str) -> str:
    """The command that adds an optional extra to khabar as it was installed here (from a
    checkout: ``pip install '/path/to/khabar[pandas]'``; from a wheel: the wheel's path)."""
    return f"pip install '{_installed_from()}[{extra}]'"


class KhabarError(Exception):
    """Base class of every exception raised by khabar."""


class InputError(KhabarError, TypeError, ValueError):
    """An argument has the wrong type or shape (for example ``ids`` of the wrong length).

    It is both a ``TypeError`` and a ``ValueError``, so either ``except`` clause catches it.
    """


class MissingDependencyError(KhabarError, ImportError):
    """An optional package needed by the called function is not installed."""

    def __init__(self, package: str, extra: str, needed_for: str) -> None:
        super().__init__(
            f"{needed_for} needs the optional package {package!r}: {install_command(extra)}",
            name=package,
        )
        self.package = package
        self.extra = extra
        self.needed_for = needed_for

    def __reduce__(self) -> tuple[type[MissingDependencyError], tuple[str, str, str]]:
        return (type(self), (self.package, self.extra, self.needed_for))


def optional_import(module: str, extra: str, needed_for: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`MissingDependencyError` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(module.partition(".")[0], extra, needed_for) from None
