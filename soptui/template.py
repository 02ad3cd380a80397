"""A new SOP: every section the standard asks for, with placeholders that say what goes there;
and the `#:schema` line of any SOP file soptui writes (a new one, an imported one)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from . import schema_file

TEMPLATE = '''#:schema {schema}
# SOP baru: isi setiap bagian, lalu jalankan `soptui lint` (new SOP: fill in every section)
nama = "{nama}"
# nomor = "..."  (nomor dari register unit / from the unit's register)
instansi = "Pemerintah Kabupaten ..."
unit = "Kecamatan ..."
# alamat = "..."
tanggal_pembuatan = {today}
tanggal_efektif = {today}
# tanggal_revisi = {today}

dasar_hukum = [
  "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
]
kualifikasi_pelaksana = [
  "Memahami tugas dan fungsi ...",
]
keterkaitan = [
]
peralatan_perlengkapan = [
  "Perangkat Komputer",
]
peringatan = [
  "Jika SOP tidak dilaksanakan, maka ...",
]
pencatatan_pendataan = [
  "Disimpan sebagai arsip ...",
]

[disahkan_oleh]
jabatan = "Camat ..."
# nama = "..."
# nip = "..."  (18 digit)

[pelaksana]
camat = "Camat"
sekretaris = "Sekretaris"
staf = "Staf"

[[langkah]]
no = 1
kegiatan = "Memerintahkan ..."
pelaksana = "camat"
kelengkapan = ["Disposisi"]
waktu = "10 menit"
output = ["Disposisi"]

[[langkah]]
no = 2
kegiatan = "Menyusun ..."
pelaksana = "staf"
kelengkapan = ["Disposisi"]
waktu = "1 jam"
output = ["Konsep ..."]
'''


def new_sop_text(path: Path, nama: str = "Nama SOP", today: dt.date | None = None) -> str:
    return TEMPLATE.format(schema=schema_reference(path), nama=nama, today=(today or dt.date.today()).isoformat())


def schema_reference(target: Path) -> str:
    """The `#:schema` path from the SOP file to be written to the schema soptui ships."""
    schema = Path(schema_file("sop.schema.json"))
    try:
        relative = os.path.relpath(schema, target.resolve().parent)
    except ValueError:
        relative = str(schema)
    if "site-packages" in relative:
        relative = "../../schemas/sop.schema.json"  # the repository layout: sops/<unit>/<file>.toml
    return Path(relative).as_posix()
