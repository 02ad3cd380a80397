"""`soptui regulation QUERY`."""

import json

import pytest

from soptui.cli import main


@pytest.fixture(autouse=True)
def no_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_a_revoked_regulation(capsys):
    assert main(["regulation", "PP", "46/2011"]) == 0
    out = capsys.readouterr().out
    assert "Kutipan: PP 46/2011" in out
    assert "Registri: PP 46/2011 tentang Penilaian Prestasi Kerja Pegawai Negeri Sipil" in out
    assert "dicabut" in out and "PP 30/2019 tentang Penilaian Kinerja Pegawai Negeri Sipil" in out
    assert "terverifikasi (verified)" in out and 'regulations.md, row "PP 46/2011"' in out
    assert "SOP501 revoked-regulation" in out


def test_a_wrong_type_shows_the_regulation_of_the_same_number(capsys):
    assert main(["regulation", "--lang", "en", "Permendagri 29 2014"]) == 1
    out = capsys.readouterr().out
    assert "Registry: does not know Permendagri 29/2014" in out
    assert "a known wrong citation of Perpres 29/2014" in out
    assert "Perpres 29/2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah  [in force; verified]" in out


def test_a_full_citation_with_a_truncated_title(capsys):
    main(["regulation", "--lang", "en", "Peraturan Menteri Negara Pendayagunaan Aparatur Negara dan Reformasi "
          "Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja"])
    out = capsys.readouterr().out
    assert "title         Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja" in out
    assert "cited title   cut short (SOP505)" in out


def test_unknown_and_unreadable_queries(capsys):
    assert main(["regulation", "PP 99/2020"]) == 1
    assert "Registri: tidak mengenal PP 99/2020" in capsys.readouterr().out
    assert main(["regulation", "29/2014"]) == 1
    out = capsys.readouterr().out
    assert "tidak terbaca sebagai kutipan" in out and "Perpres 29/2014" in out


def test_json_and_an_extra_registry(tmp_path, capsys):
    extra = tmp_path / "balangan.toml"
    extra.write_text('[[regulation]]\nkind = "perbup"\nregion = "Balangan"\nnomor = "5"\ntahun = 2020\n'
                     'status = "in_force"\nconfidence = "verified"\nsource = "Bagian Hukum"\n')
    assert main(["regulation", "--registry", str(extra), "--format", "json", "Perbup Balangan 5/2020"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["entry"]["source"] == "Bagian Hukum" and data["entry"]["origin"] == f"{extra}:1:1"
    assert data["citation"]["kind"] == "perbup" and data["registry_files"][-1] == str(extra)


def test_configured_registries_and_registry_errors(tmp_path, capsys):
    (tmp_path / "bad.toml").write_text('[[regulation]]\nkind = "pp"\n')
    (tmp_path / "soptui.toml").write_text('registries = ["bad.toml"]\n')
    assert main(["regulation", "PP 46/2011"]) == 2
    err = capsys.readouterr().err
    assert "bad.toml:1:1" in err and "'nomor' is a required property" in err


@pytest.mark.parametrize("command", ["regulation", "lint"])
def test_a_usage_error_of_several_lines_prints_them_as_lines_its_names_still_escaped(tmp_path, capsys,
                                                                                   monkeypatch, command):
    """They printed as one line joined by a literal \\x0a, the escape of a newline."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sops").mkdir()
    (tmp_path / "sops/a.toml").write_text('nama = "A"\nunit = "Kecamatan A"\n[[langkah]]\nno = 1\nkegiatan = "Mulai"\n')
    (tmp_path / "bad\x1b.toml").write_text('[[regulation]]\nkind = "pp"\n\n[[regulation]]\nnomor = 3\n')
    (tmp_path / "soptui.toml").write_text('registries = ["bad\\u001b.toml"]\n')
    args = ["regulation", "PP 46/2011"] if command == "regulation" else ["lint", "sops", "--no-cache"]
    assert main([*args, "--lang", "en"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"soptui {command}: ") and len(lines) > 5
    assert f"  {tmp_path}/bad\\x1b.toml:4:1: `regulation[1]`: 'kind' is a required property" in lines
    assert all(line.startswith(("soptui ", "  ")) and "\\x0a" not in line and "\x1b" not in line for line in lines)


def write_sop(folder, name, *dasar_hukum):
    items = "".join(f'  "{d}",\n' for d in dasar_hukum)
    (folder / name).write_text(f'nama = "A"\nunit = "Kecamatan A"\ndasar_hukum = [\n{items}]\n'
                               '[[langkah]]\nno = 1\nkegiatan = "Memulai"\n', encoding="utf-8")


def test_unknown_lists_the_citations_the_registry_does_not_know_most_cited_first(tmp_path, capsys):
    # numbers no registry will hold: UU 98/2006 and 99/2013 do not exist
    write_sop(tmp_path, "a.toml", "PP 46/2011", "Permensos Nomor 77 Tahun 2019 tentang Data",
              "UU No. 98 Tahun 2006 dan UU No. 99 Tahun 2013 tentang Sesuatu")
    write_sop(tmp_path, "b.toml", "Permensos 77/2019", "Bukan kutipan")
    assert main(["regulation", "--lang", "en", "--unknown", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("5 citations checked, 4 unknown to the registry (3 distinct)")
    assert out.splitlines()[2:] == ["     2       2  Permen Sosial 77/2019", "     1       1  UU 98/2006",
                                    "     1       1  UU 99/2013"]
    assert main(["regulation", "--unknown", "--format", "json", str(tmp_path / "b.toml")]) == 1
    assert json.loads(capsys.readouterr().out)["unknown"][0] == {
        "citation": "Permen Sosial 77/2019", "count": 1, "files": [str(tmp_path / "b.toml")]}


def test_unknown_when_every_citation_is_known(tmp_path, capsys):
    write_sop(tmp_path, "a.toml", "PP 46/2011")
    assert main(["regulation", "--unknown", str(tmp_path)]) == 0
    assert "1 kutipan peraturan diperiksa, 0 tidak dikenal" in capsys.readouterr().out
