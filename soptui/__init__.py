import os

__version__ = "0.1.0"


def schema_file(name: str) -> str:
    """The shipped JSON Schema `name` ("sop.schema.json"): in the installed package (the folder
    `soptui/schemas`), else in the `schemas/` folder of the checkout this code runs from (as
    `python -m soptui` does in a checkout that was installed elsewhere, or not at all)."""
    package = os.path.dirname(__file__)
    installed = os.path.join(package, "schemas", name)
    return installed if os.path.exists(installed) else os.path.join(os.path.dirname(package), "schemas", name)
