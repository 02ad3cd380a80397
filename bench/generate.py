"""Generate a corpus of realistic SOP files for benchmarks.

Each SOP is drawn from the vocabulary of the seed documents: 6-16 steps with kelengkapan, waktu
and output, 3-10 dasar hukum items, a pengesahan, and defects at roughly the rate the seeds show
(a numbering gap, a missing waktu, an activity written as a noun, an actor left unassigned).

The stress corpus (`stress=True`) is what makes corpus rules slow if they are not linear: each SOP
names five others in keterkaitan (three by their exact titles, one by a longer name that
resolves only by containment, one that resolves to nothing), and every `group` SOPs share one
nomor (a template copied without changing it): with 10,000 SOPs and the default group of 1,000,
ten nomor shared by a thousand files each.

    python bench/generate.py OUT_DIR [COUNT] [--stress]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

KECAMATAN = ["Awayan", "Lampihong", "Paringin", "Juai", "Halong", "Batumandi", "Tebing Tinggi",
             "Sumbersuko", "Wangon", "Ajibarang", "Jatilawang", "Rawalo", "Kebasen", "Tempeh"]
KABUPATEN = ["Balangan", "Lumajang", "Banyumas"]
TOPICS = ["Pengukuran Kinerja", "Pengumpulan Data Kinerja", "Penyusunan Laporan Kinerja Triwulan",
          "Pelayanan Surat Keterangan", "Penyusunan Renja", "Pengelolaan Arsip", "Pelaksanaan Rapat",
          "Penyusunan Perjanjian Kinerja", "Monitoring Capaian Kinerja", "Pengiriman Surat Dinas"]
DASAR = [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Pemerintah Republik Indonesia Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
    "Peraturan Pemerintah Nomor 46 Tahun 2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil",
    "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur di Lingkungan Pemerintah Provinsi dan Kabupaten/Kota",
    "Permendagri No. 73 tahun 2009 tentang tata cara pelaksanaan evaluasi kinerja penyelenggaraan pemerintahan daerah",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
]
ACTORS = {"camat": "Camat", "sekretaris": "Sekretaris", "kasubbag_pk": "Kasubbag Perencanaan dan Keuangan",
          "kasi_pem": "Kasi Pemerintahan", "staf": "Staf"}
VERBS = ["Memerintahkan", "Menyusun", "Menyampaikan", "Menghimpun", "Memverifikasi", "Mengolah",
         "Memeriksa", "Menandatangani", "Mengarsipkan", "Mengirimkan", "Mengetik", "Melaporkan"]
NOUNS = ["Pengarsipan", "Penggandaan", "Pembuatan", "Penandatanganan"]
OBJECTS = ["data kinerja triwulan", "konsep laporan kinerja", "format isian data kinerja",
           "dokumen pengukuran kinerja", "surat pengantar", "laporan realisasi keuangan"]
ARTIFACTS = ["Disposisi", "Format Isian Data Kinerja", "Draf Laporan Kinerja", "Laporan Kinerja",
             "Data Kinerja Terverifikasi", "Dokumen Pengukuran Kinerja", "Surat Pengantar"]
WAKTU = ["10 menit", "15 menit", "30 menit", "1 jam", "2 Jam", "60 menit", "1 hari", "2 Hari"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def listing(key: str, items: list[str]) -> str:
    return f"{key} = [\n" + "".join(f"  {q(i)},\n" for i in items) + "]\n"


def sop(rng: random.Random, index: int, count: int = 0, group: int = 0) -> str:
    kec, kab = rng.choice(KECAMATAN), rng.choice(KABUPATEN)
    year, month, day = rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)
    out = [f"#:schema ../../schemas/sop.schema.json\n# generated SOP {index}\n"]
    topic = rng.choice(TOPICS)
    out.append(f"nama = {q(title(index) if count else topic + ' ' + str(index))}\n")
    serial = index // group if group else index  # a shared nomor: one serial for a whole group
    out.append(f'nomor = "{serial:05d}/{rng.randint(1, 99):02d}/KEC.{kec[:3].upper()}/{ROMAN[month - 1]}/{year}"\n'
               if not group else f'nomor = "{serial:05d}/01/KEC/I/2023"\n')
    out.append(f'instansi = "Pemerintah Kabupaten {kab}"\nunit = "Kecamatan {kec}"\n')
    out.append(f"tanggal_pembuatan = {year}-{month:02d}-{day:02d}\ntanggal_efektif = {year}-{month:02d}-{day:02d}\n\n")
    out.append(listing("dasar_hukum", rng.sample(DASAR, rng.randint(3, 8))))
    out.append(listing("kualifikasi_pelaksana", ["Memahami peraturan perundang-undangan tentang kepegawaian",
                                                 "Mengetahui tugas dan fungsi Sistem Akuntabilitas Kinerja"]))
    if count:
        out.append(listing("keterkaitan", cross_references(rng, index, count)))
    else:
        out.append(listing("keterkaitan", [f"SOP {rng.choice(TOPICS)}"]))
    out.append(listing("peralatan_perlengkapan", ["Perangkat Komputer", "ATK", "Printer"]))
    out.append(listing("peringatan", ["Jika SOP tidak dilaksanakan maka pelaporan kinerja terhambat"]))
    out.append(listing("pencatatan_pendataan", ["Disimpan sebagai dokumen kepegawaian"]))
    if rng.random() > 0.3:
        out.append(f'\n[disahkan_oleh]\njabatan = "Camat {kec}"\nnama = "Nama Pejabat {index}, S.IP"\n'
                   f'nip = "19{rng.randint(60, 95)}0{rng.randint(1, 9)}1{rng.randint(0, 9)} 20{rng.randint(10, 20)}0{rng.randint(1, 9)} 1 00{rng.randint(1, 9)}"\n')
    out.append("\n[pelaksana]\n" + "".join(f"{k} = {q(v)}\n" for k, v in ACTORS.items()))
    steps = rng.randint(6, 16)
    gap_at = rng.randint(2, steps) if rng.random() < 0.2 else None
    number = 0
    previous_output = "Disposisi"
    for position in range(steps):
        number += 3 if gap_at == position else 1
        verb = rng.choice(NOUNS) if rng.random() < 0.1 else rng.choice(VERBS)
        output = rng.choice(ARTIFACTS)
        out.append(f"\n[[langkah]]\nno = {number}\nkegiatan = {q(verb + ' ' + rng.choice(OBJECTS))}\n")
        if rng.random() > 0.3:
            out.append(f"pelaksana = {q(rng.choice(list(ACTORS)))}\n")
        out.append(f"kelengkapan = [{q(previous_output)}]\n")
        if rng.random() > 0.05:
            out.append(f"waktu = {q(rng.choice(WAKTU))}\n")
        out.append(f"output = [{q(output)}]\n")
        if rng.random() < 0.2:
            out.append(f'keterangan = "SOP {rng.choice(TOPICS)}"\n')
        previous_output = output
    return "".join(out)


def title(index: int) -> str:
    """The `nama` of stress SOP number `index`: known without generating it, so others can cite it."""
    return f"{TOPICS[index % len(TOPICS)]} {index}"


def cross_references(rng: random.Random, index: int, count: int) -> list[str]:
    """Five related SOPs, as a real kabupaten's lists go: three exact titles of other SOPs, one
    longer name that contains another's title, and one that names nothing in the corpus."""
    others = [rng.randrange(count) for _ in range(4)]
    return [*(f"SOP {title(other)}" for other in others[:3]),
            f"SOP {title(others[3])} Tahunan",
            f"SOP Pelaksanaan Kegiatan Lain {index}"]


def generate(folder: Path, count: int, seed: int = 35, stress: bool = False, group: int = 1_000) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"kecamatan-{index % 100:02d}" / f"sop-{index:05d}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = sop(rng, index, count, group) if stress else sop(rng, index)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--stress"]
    target = Path(arguments[0] if arguments else "bench/out/corpus")
    made = generate(target, int(arguments[1]) if len(arguments) > 1 else 10_000, stress="--stress" in sys.argv)
    print(f"{len(made)} SOPs in {target}")
