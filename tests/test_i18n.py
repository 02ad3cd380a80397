from soptui.i18n import Text, glossed


def test_glossed_gives_the_english_in_brackets_in_indonesian_and_alone_in_english():
    assert glossed("dihentikan", "interrupted") == Text("dihentikan (interrupted)", "interrupted")
    message = glossed("berkas logo tidak ada", "no such logo file", ": logo.png")
    assert message("id") == "berkas logo tidak ada (no such logo file): logo.png"
    assert message("en") == "no such logo file: logo.png"
