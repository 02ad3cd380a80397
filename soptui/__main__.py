"""`python -m soptui`: the same as the `soptui` command.

`python -m` puts the current folder first on sys.path. When that folder is an SOP repository
under review, nothing in it may be imported as a plugin, so it is taken off the path before any
plugin loads. (A file named soptui.py there would still shadow soptui itself: in an untrusted
folder, run the installed `soptui` command.)
"""

import os
import sys

_here = os.getcwd()
sys.path[:] = [entry for entry in sys.path if entry not in ("", ".", _here)]

from soptui.cli import run_process  # noqa: E402

run_process()
