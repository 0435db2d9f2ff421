"""A workspace folder as the server sees it: its settings, its registry and the rules they choose.

Loaded with the CLI's own code (`quotelint.commands.common.setup`), from the folder upwards as
`quotelint check` run in that folder finds them, so an editor and a commit hook agree. A problem
(a malformed registry, an unknown setting) raises UserError with the message the CLI prints.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from quotelint.linter import Plan
from quotelint.registry import Registry
from quotelint.settings import Settings

SETTINGS_NAMES = frozenset({"pyproject.toml", ".quotelint.yaml", ".quotelint.yml"})
DRAFT_NAME = "quotelint-draft.yaml"  # the draft file when the settings name none


@dataclass(frozen=True)
class Project:
    folder: str
    settings: Settings
    registry: Registry
    plan: Plan
    notice: str | None = None  # why nothing is checked against a registry, if that is so
    broken: bool = False  # stands in for settings or a registry that did not load

    @property
    def draft_path(self) -> str:
        if self.settings.draft:
            return self.settings.draft
        root = os.path.dirname(self.settings.source) if self.settings.source else self.folder
        return os.path.join(root, DRAFT_NAME)

    def watches(self, path: str) -> bool:
        """Whether a change to `path` can change this project's settings or registry (any
        change can, while they do not load: the broken file is not known here)."""
        path = os.path.abspath(path)
        if self.broken or os.path.basename(path) in SETTINGS_NAMES or path == self.settings.source:
            return True
        if path in self.registry.files:
            return True
        return any(is_within(path, p) for p in self.settings.registry)


def is_within(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or stands somewhere below it."""
    path, folder = os.path.abspath(path), os.path.abspath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def load_project(folder: str) -> Project:
    """The folder's settings and registry, checked as `quotelint check` checks them."""
    from quotelint.commands.common import setup
    from quotelint.commands.registry_notice import problem

    args = argparse.Namespace(quiet=True)  # no warning on standard error: the server shows `notice`
    settings, registry = setup(args, start=folder)
    return Project(folder, settings, registry, Plan.make(registry, settings), problem(args, settings, registry))
