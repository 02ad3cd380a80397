"""JSON Schemas shipped with soptui (the folder `schemas/` of the repository)."""
