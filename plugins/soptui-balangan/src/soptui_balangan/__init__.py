"""Kabupaten Balangan's house rules for soptui.

Three rules the national standard does not have, drawn from the Lampihong and Awayan SOPs:
the kabupaten's nomor pattern (with an option), its list of approved jabatan (fixable), and the
Peraturan Bupati on kecamatan organisation every kecamatan SOP should cite.
"""

from soptui.api import hookimpl

from .jabatan import ApprovedJabatan
from .nomor import NomorPattern
from .perbup import PerbupOrganisasi

__version__ = "0.1.0"


@hookimpl
def soptui_rules():
    return [NomorPattern, ApprovedJabatan, PerbupOrganisasi]
