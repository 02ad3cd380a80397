"""Report formats for `soptui lint --format`. Each is a `Reporter` subclass in its own module."""

from .github import GithubReporter
from .gitlab import GitlabReporter
from .json import JsonReporter
from .junit import JunitReporter
from .sarif import SarifReporter
from .text import TextReporter

REPORTERS = (TextReporter, JsonReporter, SarifReporter, GithubReporter, JunitReporter, GitlabReporter)
