"""Widgets: each renders a piece of the workspace state and posts messages for user intents."""
