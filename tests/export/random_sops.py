"""Random procedures for the export tests: decisions branching back and forward, `lanjut` jumps,
many actors or none, steps without pelaksana or of several actors, long activities. Seeded: the same SOPs every run."""

from __future__ import annotations

import random

WORDS = ("memeriksa menyusun menyampaikan dokumen laporan kinerja berkas surat data rapat "
         "pengukuran camat sekretaris persetujuan perbaikan arsip").split()


def random_sop(seed: int) -> bytes:
    rng = random.Random(seed)
    # a second stream for the steps of several actors, so that the first draws the SOPs it always did
    several = random.Random(seed + 10_000)
    actors = [f"a{i}" for i in range(rng.choice([0, 1, 2, 3, 5, 8]))]
    steps = rng.randint(2, 24)
    lines = [f'nama = "Acak {seed}"', 'unit = "Kecamatan Uji"', "[pelaksana]"]
    lines += [f'{a} = "Jabatan {a.upper()}"' for a in actors]
    for no in range(1, steps + 1):
        kegiatan = " ".join(rng.choice(WORDS) for _ in range(rng.choice([3, 6, 12, 40])))
        lines += ["[[langkah]]", f"no = {no}", f'kegiatan = "{kegiatan}"']
        if actors and rng.random() < 0.85:
            actor = rng.choice(actors)
            if len(actors) > 1 and several.random() < 0.2:  # a meeting: drawn in two or three columns
                others = several.sample([a for a in actors if a != actor], min(len(actors) - 1, several.choice([1, 2])))
                lines.append(f"pelaksana = {[actor, *others]}".replace("'", '"'))
            else:
                lines.append(f'pelaksana = "{actor}"')
        roll = rng.random()
        if 1 < no < steps and roll < 0.25:
            lines += [f"ya = {min(no + 1, steps)}", f"tidak = {rng.randint(1, steps)}"]
        elif 1 < no < steps and roll < 0.33:
            lines.append(f"lanjut = {rng.randint(1, steps)}")
        if rng.random() < 0.6:
            lines.append(f'waktu = "{rng.randint(5, 120)} menit"')
    return "\n".join(lines).encode()
