"""Every word the terminal UI puts on screen, in Bahasa Indonesia and English.

One table, so `L` (and `--lang`, and the configuration's `lang`) switches the whole screen:
footer, tabs, column headers, dialogs, help and the command palette. `say(key, lang)` picks one.
"""

from __future__ import annotations

import errno
from dataclasses import replace

from textual.binding import BindingsMap

from ..field_names import STEP_FIELDS

WORDS: dict[str, tuple[str, str]] = {
    # key bindings: the footer and the command palette
    "help": ("bantuan", "help"),
    "save": ("simpan", "save"),
    "save_all": ("simpan semua", "save all"),
    "undo": ("urungkan", "undo"),  # not "batal": every dialog's Cancel
    "redo": ("ulangi", "redo"),
    "fix": ("perbaiki", "fix"),
    "fix_all": ("perbaiki semua", "fix all"),
    "waive": ("abaikan temuan", "waive finding"),
    "next_finding": ("temuan berikut", "next finding"),
    "previous_finding": ("temuan sebelumnya", "previous finding"),
    "corpus_findings": ("semua temuan", "all findings"),
    "add_step": ("tambah langkah", "add step"),
    "delete_step": ("hapus langkah", "delete step"),
    "move_up": ("naikkan langkah", "move step up"),
    "move_down": ("turunkan langkah", "move step down"),
    "toggle_decision": ("keputusan / proses", "decision / process"),
    "add_actor": ("tambah pelaksana", "add actor"),
    "also_actor": ("juga di kolom ini", "also in this column"),
    "pick_several": ("(spasi: pilih satu atau lebih)", "(space: tick one or more)"),
    "remove_actor": ("hapus pelaksana", "remove actor"),
    "external_editor": ("buka di editor", "open in editor"),
    "new_sop": ("SOP baru", "new SOP"),
    "export": ("ekspor dokumen", "export document"),
    "export_title": ("Ekspor dokumen SOP AP resmi ke berkas (.pdf atau .docx)",
                     "Export the official SOP AP document to a file (.pdf or .docx)"),
    "export_hint": ("perubahan yang belum disimpan ikut diekspor; berkas yang sudah ada ditanyakan dulu",
                    "unsaved edits are exported too; an existing file is asked about first"),
    "export_exists": ("berkas ini sudah ada. Timpa?", "this file exists already. Replace it?"),
    "export_suffix": ("nama berkas harus berakhiran .pdf atau .docx", "the file name must end in .pdf or .docx"),
    "export_no_folder": ("folder {folder} tidak ada", "there is no folder {folder}"),
    "export_not_a_folder": ("{folder} bukan folder", "{folder} is not a folder"),
    "export_is_a_folder": ("{name} adalah folder; beri nama berkas", "{name} is a folder; give a file name"),
    "export_cannot_write": ("tidak ada izin menulis di folder {folder}", "no permission to write in the folder {folder}"),
    "export_needs_load": ("SOP yang tidak termuat tidak dapat diekspor", "a SOP that does not load cannot be exported"),
    "export_failed": ("ekspor gagal", "export failed"),
    "export_needs": ("ekspor memerlukan pustaka", "export needs the library"),
    "exported": ("diekspor", "exported"),
    "toggle_language": ("English", "Bahasa Indonesia"),
    "focus_filter": ("saring daftar", "filter list"),
    "toggle_sidebar": ("daftar SOP", "SOP list"),
    "quit": ("keluar", "quit"),
    "quit_hint": ("Tekan {key} untuk keluar", "Press {key} to quit"),
    "quit_hint_title": ("Mau keluar?", "Do you want to quit?"),
    "close": ("tutup", "close"),
    "run": ("jalankan", "run"),
    "sort": ("urutkan", "sort"),
    "tab_prosedur": ("tab Prosedur", "Procedure tab"),
    "tab_identitas": ("tab Identitas", "Identity tab"),
    "tab_diagram": ("tab Diagram", "Diagram tab"),
    "tab_temuan": ("tab Temuan", "Findings tab"),
    "palette": ("palet", "palette"),
    "palette_search": ("Cari perintah…", "Search for commands…"),
    "theme_search": ("Cari tema…", "Search for themes…"),
    "palette_no_match": ("Tidak ada yang cocok", "No matches found"),
    # tabs and headers
    "Prosedur": ("Prosedur", "Procedure"),
    "Identitas": ("Identitas", "Identity"),
    "Diagram": ("Diagram", "Diagram"),
    "Temuan": ("Temuan", "Findings"),
    # a step's fields ("Kelengkapan": Requirements), named as the English rule messages name them
    **{name.id: tuple(name) for name in STEP_FIELDS.values()},
    "unassigned": ("(tanpa pelaksana)", "(no actor)"),
    "not_in_source": ("(tidak ada di sumber)", "(not in source)"),
    "Bagian": ("Bagian", "Field"),
    "Isi": ("Isi", "Value"),
    "Berkas": ("Berkas", "File"),
    "Baris": ("Baris", "Line"),
    "Langkah": ("Langkah", "Step"),
    "Aturan": ("Aturan", "Rule"),
    "Pesan": ("Pesan", "Message"),
    "Unit": ("Unit", "Unit"),
    "add_item": ("(tambah)", "(add)"),
    "more_below": ("▼ lagi: Tab lalu ↓", "▼ more: Tab then ↓"),
    "total_time": ("Total waktu", "Total time"),
    "steps": ("langkah", "steps"),
    "one_step": ("langkah", "step"),
    "steps_without_time": ("langkah tanpa waktu", "steps without time"),
    "one_step_without_time": ("langkah tanpa waktu", "step without time"),
    # the flowchart symbols, as the detail pane names them (the TOML's words are Indonesian)
    "terminator": ("terminator", "terminator"),
    "proses": ("proses", "process"),
    "keputusan": ("keputusan", "decision"),
    "penghubung": ("penghubung", "connector"),
    # at most 21 cells, what the filter box holds in the narrowest sidebar (tests/tui/test_layout.py)
    "filter_placeholder": ("saring nama/no./unit", "filter name/no./unit"),
    "findings_filter": ("saring: berkas, aturan, unit, pesan", "filter: file, rule, unit, message"),
    # at most 25 cells, what the sidebar's line holds in its narrowest width (tests/tui/test_walk2.py)
    "no_match": ("tidak ada yang cocok", "nothing matches"),
    "no_findings": ("tidak ada temuan", "no findings"),
    "sorted_by": ("urut menurut", "sorted by"),
    "severity": ("tingkat", "severity"),
    "rule": ("aturan", "rule"),
    "unit": ("unit", "unit"),
    "file": ("berkas", "file"),
    "step": ("langkah", "step"),
    "line": ("baris", "line"),
    "fix_hint": ("[f: perbaiki]", "[f: fix]"),
    # the broken-file view
    "does_not_load": ("Berkas ini tidak termuat", "This file does not load"),
    "does_not_load_hint": ("Tekan e untuk membukanya di editor pada baris masalah pertama.",
                           "Press e to open it in your editor at the first problem's line."),
    "showing_last_good": ("Di bawah: versi terakhir yang termuat.", "Below: the last version that loaded."),
    "see_prosedur": ("Berkas ini tidak termuat: tab Prosedur menunjukkan baris masalahnya (e membukanya di editor).",
                     "This file does not load: the Procedure tab shows the problem's line (e opens it in your editor)."),
    "loads_partly": ("Berkas ini bermasalah struktur", "This file has structural problems"),
    "showing_readable": ("Di bawah: yang terbaca, tanpa bagian yang rusak.",
                         "Below: what could be read, without the broken parts."),
    "disk_does_not_load": ("Berkas di disk tidak termuat (diubah di luar soptui)",
                           "The file on disk does not load (changed outside soptui)"),
    "disk_hint": ("Perubahan Anda yang belum disimpan tetap, di bawah; ctrl+s menimpa berkas itu dengannya "
                  "(setelah bertanya).",
                  "Your unsaved edits are kept, below; ctrl+s overwrites that file with them (after asking)."),
    # dialogs
    "choose_keys": ("Tab / ←→: pilih · Enter: {button} · Esc: batal", "Tab / ←→: choose · Enter: {button} · Esc: cancel"),
    "enter_esc": ("Enter: setuju · Esc: batal", "Enter: accept · Esc: cancel"),
    "cancel": ("Batal", "Cancel"),
    "apply": ("Terapkan", "Apply"),
    "close_button": ("Tutup", "Close"),
    "delete": ("Hapus", "Delete"),
    "discard": ("Buang perubahan", "Discard changes"),
    "reload": ("Muat ulang", "Reload"),
    "overwrite": ("Timpa", "Overwrite"),
    "save_anyway": ("Tetap simpan", "Save anyway"),
    "save_and_quit": ("Simpan semua & keluar", "Save all & quit"),
    "quit_without_saving": ("Keluar tanpa simpan", "Quit without saving"),
    "add": ("Tambah", "Add"),
    "list_sign": ("(;)", "(;)"),  # the add-step form: a list, its items separated by ;
    "time_example": ("(mis. 15 menit)", "(e.g. 15 menit, in Indonesian)"),  # a waktu is written in Indonesian (waktu-format)
    "no_fix_here": ("Tidak ada perbaikan otomatis untuk temuan ini.", "There is no automatic fix for this finding."),
    "step_has_fix": ("Langkah ini punya perbaikan di baris temuannya", "This step has a fix on its finding's row"),
    "nothing_to_fix": ("Tidak ada yang bisa diperbaiki otomatis di SOP ini.", "Nothing in this SOP can be fixed automatically."),
    "no_finding_here": ("Tidak ada temuan di sini.", "There is no finding here."),
    "fix_preview": ("Pratinjau perbaikan", "Fix preview"),
    "fix_all_preview": ("Pratinjau semua perbaikan", "Preview of every fix"),
    "fixed": ("diperbaiki", "fixed"),
    "fixes_applied": ("perbaikan diterapkan", "fixes applied"),
    "one_fix_applied": ("perbaikan diterapkan", "fix applied"),
    "unsafe_fix": ("⚠ PERBAIKAN TIDAK AMAN: dapat mengubah isi SOP, periksa perubahannya sebelum menerapkan",
                   "⚠ UNSAFE FIX: it may change what the SOP says; check the change before applying it"),
    "display_only_fix": ("Hanya saran, tidak diterapkan otomatis", "A suggestion only, never applied automatically"),
    "safe_fixes_only": ("hanya perbaikan aman", "safe fixes only"),
    "unsafe_left_out": ("perbaikan tidak aman tidak disertakan (tekan f pada temuannya untuk meninjau satu per satu)",
                        "unsafe fixes left out (press f on each finding to review it alone)"),
    "fix_refused": ("Perbaikan ditolak pemeriksa perbaikan, tidak ada yang diubah",
                    "The fix guard refused this fix; nothing was changed"),
    "waive_title": ("Abaikan temuan: alasan (ditulis sebagai komentar di berkas)",
                    "Waive the finding: the reason (written as a comment in the file)"),
    "reason_needed": ("alasan wajib diisi", "a reason is required"),
    "waived": ("diabaikan dengan komentar", "waived with a comment"),
    "unsaved_list": ("Perubahan belum disimpan:", "Unsaved changes:"),
    "changed_on_disk": ("Berkas berubah di disk sejak dibuka.", "The file changed on disk since it was opened."),
    "text_behind_disk": ("Teks ini dari sebelum dimuat ulang: tulisan program lain di berkas tidak ada di dalamnya.",
                         "This text is from before the reload: another program's write in the file is not in it."),
    "kept_copy": ("Tulisan program lain yang tertimpa disimpan di", "Another program's overwritten write is kept in"),
    "saved": ("tersimpan", "saved"),
    "save_failed": ("gagal menyimpan", "save failed"),
    "permission_denied": ("tidak ada izin menulis", "permission denied"),
    "disk_full": ("disk penuh", "the disk is full"),
    "read_only": ("sistem berkas hanya-baca", "read-only file system"),
    "no_such_folder": ("folder tidak ada", "no such folder"),
    "is_a_folder": ("itu sebuah folder", "it is a folder"),
    # a save that would leave the file loading worse than it does on disk (`Document.save_harm`)
    "save_breaks": ("Dengan perubahan ini berkas tidak termuat lagi (lihat tab Prosedur). Tetap simpan?",
                    "With this edit the file no longer loads (see the Procedure tab). Save it anyway?"),
    "save_breaks_structure": ("Dengan perubahan ini berkas bermasalah struktur (lihat tab Prosedur). Tetap simpan?",
                              "With this edit the file has structural problems (see the Procedure tab). "
                              "Save it anyway?"),
    "harm_breaks": ("tidak termuat lagi", "would no longer load"),
    "harm_structure": ("jadi bermasalah struktur", "would have structural problems"),
    "harmful_list": ("Berkas ini rusak bila disimpan (lihat tab Prosedur masing-masing):",
                     "Saving would break these files (see the Procedure tab of each):"),
    "save_all_anyway": ("Tetap simpan semua", "Save all anyway"),
    "save_all_anyway_quit": ("Tetap simpan semua & keluar", "Save all anyway & quit"),
    "save_the_others": ("Simpan yang lain saja", "Save the others only"),
    "not_saved": ("tidak disimpan", "not saved"),
    "nothing_to_save": ("Tidak ada perubahan untuk disimpan.", "Nothing to save: no changes."),
    "delete_step_q": ("Hapus langkah", "Delete step"),
    "add_step_title": ("Langkah baru setelah langkah", "New step after step"),
    "add_step_first": ("Langkah baru di awal", "New step at the start"),
    "decision_title": ("jadi keputusan: nomor langkah untuk `ya` dan `tidak`",
                       "becomes a decision: step numbers for yes and no"),
    "two_numbers": ("tulis dua nomor langkah, ya lalu tidak, mis. 4 6 atau 4, 6",
                    "write two step numbers, yes then no, e.g. 4 6 or 4, 6"),
    "two_numbers_hint": ("ya lalu tidak, dipisah spasi atau koma, mis. 4 6",
                         "yes then no, separated by a space or a comma, e.g. 4 6"),
    "not_to_itself": ("keputusan tidak boleh menuju dirinya sendiri", "a decision cannot lead to itself"),
    "new_actor": ("Pelaksana baru: id = jabatan", "New actor: id = title"),
    "actor_format": ("tulis id = jabatan, mis. kasi_pem = Kasi Pemerintahan",
                     "write id = title, e.g. kasi_pem = Kasi Pemerintahan"),
    "remove_actor_q": ("Hapus pelaksana", "Remove actor"),
    "new_sop_in": ("Berkas SOP baru di", "New SOP file in"),
    "exists": ("sudah ada", "already exists"),
    "cannot_create": ("gagal membuat", "cannot create"),
    "list_hint": ("pisahkan dengan ; — kosong menghapus", "separate with ; — empty removes"),
    "value_hint": ("kosong menghapus kunci", "empty removes the key"),
    "date_hint": ("2023-07-26, 26 Juli 2023, atau bulan saja: 2019-09, September 2019 — kosong menghapus",
                  "2023-07-26, 26 Juli 2023, or a month only: 2019-09, September 2019 — empty removes"),
    "edit_failed": ("perubahan gagal", "edit failed"),
    "mend_first": ("berkas ini tidak termuat: perbaiki dulu baris {line} (e membukanya di editor)",
                   "this file does not load: mend line {line} first (e opens it in your editor)"),
    "editor_failed": ("editor gagal", "editor failed"),
    "screenshot_saved": ("tangkapan layar disimpan", "screenshot saved"),
    "screenshot_failed": ("tangkapan layar gagal disimpan", "the screenshot could not be saved"),
    "editor_abandoned": ("editor keluar dengan status {status}; tidak ada yang berubah",
                         "the editor exited with status {status}; nothing changed"),
    "no_longer_loads": ("berkas tidak termuat lagi: lihat tab Prosedur", "the file no longer loads: see the Procedure tab"),
    "now_partly": ("berkas kini bermasalah struktur: lihat tab Prosedur",
                   "the file now has structural problems: see the Procedure tab"),
    "reloaded": ("dimuat ulang; ctrl+z mengembalikan perubahan Anda", "reloaded; ctrl+z brings your edits back"),
    "reloaded_outside": ("dimuat ulang: berkas diubah di luar soptui", "reloaded: the file was changed outside soptui"),
    "changed_outside": ("berkas diubah di luar soptui; perubahan Anda yang belum disimpan tetap (ctrl+s bertanya dulu)",
                        "the file was changed outside soptui; your unsaved edits are kept (ctrl+s asks first)"),
    "undone_past_reload": ("kembali ke sebelum dimuat ulang: tulisan program lain tidak ada di teks ini; simpan akan bertanya",
                           "back to before the reload: another program's write is not in this text; a save will ask"),
    "not_reloaded": ("tidak dimuat ulang: berkas di disk tidak termuat; perubahan Anda tetap",
                     "not reloaded: the file on disk does not load; your edits are kept"),
    "cannot_reload": ("tidak dapat memuat ulang", "cannot reload"),
    "file_gone": ("berkas tidak ada lagi", "the file is gone"),
    "cannot_open": ("tidak dapat dibuka", "cannot be opened"),
    "not_opened": ("Tidak semua termuat", "Not everything loaded"),  # the title of what the app opened without
    "no_files": ("tidak ada berkas SOP di sini; ctrl+n membuat SOP baru", "no SOP files here; ctrl+n makes a new SOP"),
    "findings_word": ("temuan", "findings"),
    "language": ("Bahasa Indonesia", "English"),
    "no": ("tidak", "no"),
    "corpus_findings_title": ("Temuan korpus", "Corpus findings"),
}


# Textual's own commands in the palette, by their English help: (title, help) in Indonesian,
# then in English, so an Indonesian palette has no English and an English one reads as ours.
SYSTEM_COMMANDS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "Change the current theme": (("Tema", "Ganti tema warna"), ("Theme", "Change the colour theme")),
    "Quit the application as soon as possible": (
        ("keluar", "keluar (menanyakan perubahan yang belum disimpan)"),
        ("quit", "quit (asks about unsaved changes)")),
    "Show help for the focused widget and a summary of available keys": (
        ("Kunci", "Tampilkan bantuan bagian yang disorot dan ringkasan kunci"),
        ("Keys", "Show help for the focused part and a summary of the keys")),
    "Hide the keys and widget help panel": (("Kunci", "Sembunyikan panel kunci"), ("Keys", "Hide the keys panel")),
    "Maximize the focused widget": (("Perbesar", "Perbesar bagian yang disorot"),
                                    ("Maximize", "Maximize the focused part")),
    "Minimize the widget and restore to normal size": (("Kecilkan", "Kembalikan ke ukuran biasa"),
                                                       ("Minimize", "Back to the normal size")),
    "Save an SVG 'screenshot' of the current screen": (
        ("Tangkapan layar", "Simpan tangkapan layar (SVG) layar ini"),
        ("Screenshot", "Save an SVG screenshot of this screen")),
}

# Textual's own words for its widgets' keys, as the Keys panel (palette: "Kunci") shows them, in
# Indonesian: the descriptions and tooltips of the bindings of Input, Tree, the scrolling
# containers, buttons and lists, and of the Prosedur table, which took DataTable's.
TEXTUAL_KEYS = {
    "Cursor up": "kursor ke atas", "Cursor down": "kursor ke bawah", "Cursor Up": "kursor naik",
    "Cursor Down": "kursor turun", "Cursor left": "kursor ke kiri", "Cursor right": "kursor ke kanan",
    "Up": "ke atas", "Down": "ke bawah", "First": "yang pertama", "Last": "yang terakhir",
    "Cursor to parent": "kursor ke induk", "Cursor to next ancestor": "kursor ke induk berikutnya",
    "Cursor to next sibling": "kursor ke saudara berikutnya",
    "Cursor to previous sibling": "kursor ke saudara sebelumnya",
    "Home": "awal", "End": "akhir", "Top": "paling atas", "Bottom": "paling bawah",
    "Page up": "satu layar ke atas", "Page down": "satu layar ke bawah", "Page Up": "gulir satu layar ke atas",
    "Page Down": "gulir satu layar ke bawah", "Page Left": "gulir satu layar ke kiri",
    "Page Right": "gulir satu layar ke kanan",
    "Scroll Up": "gulir ke atas", "Scroll Down": "gulir ke bawah", "Scroll Left": "gulir ke kiri",
    "Scroll Right": "gulir ke kanan", "Scroll Home": "gulir ke awal", "Scroll End": "gulir ke akhir",
    "Select": "pilih", "Submit": "kirim", "Press button": "tekan tombol", "Toggle": "buka / tutup",
    "Toggle option": "centang / lepas", "Expand or collapse all": "buka / tutup semua",
    "Focus Next": "bagian berikutnya", "Focus Previous": "bagian sebelumnya",
    "Next tab": "tab berikutnya", "Previous tab": "tab sebelumnya",
    "Copy selected text": "salin teks terpilih", "Cut selected text": "potong teks terpilih",
    "Paste text from the clipboard": "tempel dari papan klip", "Select all": "pilih semua",
    "Delete character left": "hapus karakter di kiri", "Delete character right": "hapus karakter di kanan",
    "Delete all to the left": "hapus semua di kiri", "Delete all to the right": "hapus semua di kanan",
    "Delete left to start of word": "hapus kata di kiri", "Delete right to start of word": "hapus kata di kanan",
    "Go to start": "ke awal", "Go to end": "ke akhir",
    "Select line start": "pilih sampai awal baris", "Select line end": "pilih sampai akhir baris",
    "Move cursor left": "geser kursor ke kiri", "Move cursor left and select": "pilih ke kiri",
    "Move cursor left a word": "geser kursor satu kata ke kiri",
    "Move cursor left a word and select": "pilih satu kata ke kiri", "Move cursor right and select": "pilih ke kanan",
    "Move cursor right a word": "geser kursor satu kata ke kanan",
    "Move cursor right a word and select": "pilih satu kata ke kanan",
    "Move cursor right or accept the completion suggestion": "geser kursor ke kanan, atau terima saran",
    "Quit the app and return to the command prompt.": "Keluar dari aplikasi, kembali ke baris perintah.",
    "Open the command palette": "Buka palet perintah",
    "Input": "Kolom isian",  # the title the panel gives a text field's keys
}
_TEXTUAL_ENGLISH = {indonesian: english for english, indonesian in TEXTUAL_KEYS.items()}


def reword_textual_keys(node, lang: str) -> None:
    """Textual's descriptions and tooltips of `node`'s key bindings, and the title over them, in
    `lang` (see TEXTUAL_KEYS)."""
    def word(text: str) -> str:
        english = _TEXTUAL_ENGLISH.get(text, text)
        if english not in TEXTUAL_KEYS:
            return text  # not Textual's: ours, worded by `relabel`
        return TEXTUAL_KEYS[english] if lang == "id" else english

    title = getattr(node, "BINDING_GROUP_TITLE", None)
    if title and word(title) != title:
        node.BINDING_GROUP_TITLE = word(title)
    bindings = [binding for bindings in node._bindings.key_to_bindings.values() for binding in bindings]
    if any(word(b.description) != b.description or word(b.tooltip) != b.tooltip for b in bindings):
        node._bindings = BindingsMap([replace(b, description=word(b.description), tooltip=word(b.tooltip))
                                      for b in bindings])


# Key names as a person reads them, not Textual's (`plus`, `slash`).
# A key as the help and the palette name it: Textual's names of keys that have a sign
KEY_NAMES = {"up": "↑", "down": "↓", "left": "←", "right": "→", "plus": "+", "slash": "/", "f1": "F1"}


def key_label(key: str) -> str:
    """"ctrl+up" -> "ctrl+↑", "plus" -> "+"."""
    return "+".join(KEY_NAMES.get(part, part) for part in key.split("+"))


def count_of(number: int, one: str, many: str, lang: str) -> str:
    """`number` and its noun, singular for 1 in English (Indonesian has one form)."""
    return f"{number} {say(one if number == 1 else many, lang)}"


def os_error_text(error: OSError, lang: str) -> str:
    """Why a write failed, in `lang`: the system's own words are English whatever the language."""
    reason = {errno.EACCES: "permission_denied", errno.EPERM: "permission_denied", errno.ENOSPC: "disk_full",
              errno.EROFS: "read_only", errno.ENOENT: "no_such_folder", errno.EISDIR: "is_a_folder"}.get(error.errno)
    return say(reason, lang) if reason else (error.strerror or str(error))


def relabel(node, words: dict[str, str], lang: str) -> None:
    """Word the key bindings of `node` (the app, a widget, a screen) in `lang`: `words` maps
    each binding's action to its key in `WORDS`. Bindings are declared once, in Indonesian."""
    node._bindings = BindingsMap([replace(binding, description=say(words[binding.action], lang))
                                  if binding.action in words else binding
                                  for bindings in node._bindings.key_to_bindings.values()
                                  for binding in bindings])


def say(key: str, lang: str) -> str:
    """The word for `key` in `lang` ("id" or "en"); the key itself if the table lacks it."""
    words = WORDS.get(key)
    if words is None:
        return key
    return words[1] if lang == "en" else words[0]
