"""What the attribution tests share: the small registry they run against and how they read speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint.context import Context
from quotelint.document import Document
from quotelint.registry import Registry
from quotelint.registry.load import load_registry

REGISTRY = Path(__file__).parent / "fixtures" / "rules" / "QL101" / "registry.yaml"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(REGISTRY)])


def speech(text: str, registry: Registry) -> list[str | None]:
    """The speaker of each speech quotation in the text, in order."""
    return [q.speaker for q in Context(Document.from_text(text), registry).quotes if q.kind == "speech"]


def kinds(text: str, registry: Registry) -> list[tuple[str, str | None]]:
    """Each quotation's kind and speaker, in order."""
    return [(q.kind, q.speaker) for q in Context(Document.from_text(text), registry).quotes]
