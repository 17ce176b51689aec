"""The sample articles bundled with khabar (written by the project, see samples/README.md)."""

from __future__ import annotations

from importlib import resources

__all__ = ["samples"]


def samples() -> dict[str, str]:
    """The bundled sample articles as ``{name: text}``, sorted by name."""
    folder = resources.files("khabar").joinpath("samples")
    found = {
        entry.name.removesuffix(".txt"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    }
    return dict(sorted(found.items()))
