"""The compiled Rust core of khabar (built by maturin from src/py.rs)."""

# One input: (id, text, published ISO date or date-time or None, language code or None, errors so far)
CoreInput = tuple[str, str, str | None, str | None, list[str]]

class Extractor:
    def __init__(self, config_json: str = "{}") -> None: ...
    def extract(self, inputs: list[CoreInput], n_threads: int | None = None) -> list[str]:
        """One JSON document record per input, in the same order; the GIL is released meanwhile."""
    def config_json(self) -> str: ...

def version() -> str: ...
