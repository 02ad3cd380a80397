"""Screens over the main one: dialogs, help, and the corpus-wide findings."""

from .corpus_findings import CorpusFindings
from .dialogs import AddStep, Choose, Dialog, EditValue, Preview
from .help import HelpScreen

__all__ = ["AddStep", "Choose", "CorpusFindings", "Dialog", "EditValue", "HelpScreen", "Preview"]
