"""The exceptions khabar raises.

Problems with one document never raise: they are recorded in that document's ``errors``. These
exceptions are for calls that cannot be carried out at all.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["InputError", "KhabarError", "MissingDependencyError", "optional_import"]


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
            f"{needed_for} needs the optional package {package!r}: pip install 'khabar[{extra}]'",
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
