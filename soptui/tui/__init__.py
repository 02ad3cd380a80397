"""The terminal UI: a client of the checker that renders a `Workspace` and edits it.

Nothing under `soptui.tui` is imported by the command-line lint path.
"""
