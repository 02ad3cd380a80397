"""Which SOPs the house rules apply to: those of Kabupaten Balangan."""


def is_balangan(sop) -> bool:
    return "balangan" in f"{sop.instansi or ''} {sop.unit}".casefold()
