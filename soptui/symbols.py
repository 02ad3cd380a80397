"""The flowchart symbols the standard allows for a step (the arrow is not a step).

A module of its own so that the step graph (`soptui.flow`) and the model (`soptui.model`, which
re-exports them) both take them from below, and neither imports the other to get them.
"""

TERMINATOR, PROSES, KEPUTUSAN, PENGHUBUNG = "terminator", "proses", "keputusan", "penghubung"
SYMBOLS = (TERMINATOR, PROSES, KEPUTUSAN, PENGHUBUNG)
