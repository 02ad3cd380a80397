"""The format's fields by the names people read them under: the words the UI labels them with
(the Prosedur table's columns, the Identitas tab's rows), which the English rule messages use
too, so that a finding names a field as the screen shows it ("the Requirements of step 2", not
the key's "the kelengkapan of step 2").

The Indonesian names are the standard's own terms, of which the keys are lowercase forms; the
Indonesian messages keep naming fields by their keys. Here, below both the checker and the UI,
because neither may import the other's words.
"""

from __future__ import annotations

from .i18n import Text

# A step's fields: the Prosedur table's columns and the step form's labels.
STEP_FIELDS = {
    "no": Text("No", "No"),
    "kegiatan": Text("Kegiatan", "Activity"),
    "kelengkapan": Text("Kelengkapan", "Requirements"),
    "waktu": Text("Waktu", "Time"),
    "output": Text("Output", "Output"),
    "keterangan": Text("Keterangan", "Remarks"),
    "pelaksana": Text("Pelaksana", "Actor"),
    "simbol": Text("Simbol", "Symbol"),
}

# The identity block's fields, the Identitas tab's rows in its order.
IDENTITY_FIELDS = {
    "nama": Text("Nama SOP", "SOP name"),
    "nomor": Text("Nomor SOP", "SOP number"),
    "instansi": Text("Instansi", "Agency"),
    "unit": Text("Unit", "Unit"),
    "alamat": Text("Alamat", "Address"),
    "tanggal_pembuatan": Text("Tanggal Pembuatan", "Date made"),
    "tanggal_revisi": Text("Tanggal Revisi", "Date revised"),
    "tanggal_efektif": Text("Tanggal Efektif", "Date effective"),
}

# `[disahkan_oleh]` and its parts: the Identitas tab's rows "Disahkan oleh: jabatan", ...
SIGNER = Text("Disahkan oleh", "Approved by")
SIGNER_PARTS = {
    "jabatan": Text("jabatan", "position"),
    "nama": Text("nama", "name"),
    "nip": Text("NIP", "NIP"),
    "pangkat": Text("pangkat", "rank"),
}

# The six documentation sections (`model.SECTIONS`), titled as the Identitas tab titles them.
SECTION_TITLES = {
    "dasar_hukum": Text("Dasar Hukum", "Legal basis"),
    "kualifikasi_pelaksana": Text("Kualifikasi Pelaksana", "Staff qualifications"),
    "keterkaitan": Text("Keterkaitan", "Related SOPs"),
    "peralatan_perlengkapan": Text("Peralatan/Perlengkapan", "Equipment"),
    "peringatan": Text("Peringatan", "Warnings"),
    "pencatatan_pendataan": Text("Pencatatan dan Pendataan", "Records and data"),
}


def english_name(key: str) -> str:
    """The English name of the field `key` (a step's, the identity block's or a section's)."""
    for names in (STEP_FIELDS, IDENTITY_FIELDS, SECTION_TITLES):
        if key in names:
            return names[key].en
    raise KeyError(key)
