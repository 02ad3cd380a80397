"""Report formats for `soptui lint --format`. Each is a `Reporter` subclass in its own module."""

from .json import JsonReporter
from .text import TextReporter

REPORTERS = (TextReporter, JsonReporter)
