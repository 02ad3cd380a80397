"""`Fieldwise`: a dataclass's equality and printing for a plain class that lists its fields.

`Sop` and `Config` were dataclasses; a dataclass has its methods compiled at every start and
`dataclasses` imports `inspect` (the README's speed section). This gives them the behaviour they
had, written once, at the cost of no import.
"""


class Fieldwise:
    """Compared with `==` and printed by `repr` field by field, as a dataclass is.

    A subclass names its fields in `_fields`, in the constructor's order, and in `_COMPARED` and
    `_SHOWN` those that `==` compares and `repr` prints. It is unhashable, as a dataclass that is
    not frozen is, unless it defines `__hash__` (from `_compared()`, to agree with `==`)."""

    _fields: tuple[str, ...] = ()
    _COMPARED: tuple[str, ...] = ()
    _SHOWN: tuple[str, ...] = ()

    def _compared(self) -> tuple:
        return tuple(getattr(self, name) for name in self._COMPARED)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()  # type: ignore[attr-defined]

    def _replace(self, **changes: object):
        """A copy with the fields named changed (a NamedTuple's `_replace`); the constructor takes
        every field by its name."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise ValueError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        return type(self)(**{name: changes.get(name, getattr(self, name)) for name in self._fields})

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in self._SHOWN)})"
