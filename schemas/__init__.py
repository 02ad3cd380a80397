"""JSON Schemas shipped with soptui (the folder `schemas/` of the repository), installed as the
package `soptui.schemas`. Code finds them with `soptui.schema_file(name)`, which also works in a
checkout, where this folder is not inside `soptui/`.
"""
