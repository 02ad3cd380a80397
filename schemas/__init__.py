"""JSON Schemas shipped with soptui (the folder `schemas/` of the repository).

`path(name)` names a schema file in this folder. Reading it directly, rather than through
importlib.resources, spares every run the ~2 ms that importing importlib.resources costs.
"""

import os


def path(name: str) -> str:
    """The file of the schema `name` ("sop.schema.json")."""
    return os.path.join(os.path.dirname(__file__), name)
