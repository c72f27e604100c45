"""File names: every unsafe name refused with its reason, safe ones kept, export names safe."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.exceptions import UnsafeFileNameError, ValidationError
from ilpcore.portfolio import check_filename
from ilpcore.portfolio.names import MAX_NAME_BYTES, export_name, filename_problem

UNSAFE = {
    "": "empty",
    "../essay.pdf": "path separator '/'",
    "..\\..\\boot.ini": "path separator '\\\\'",
    "/etc/passwd": "path separator '/'",
    "C:\\Users\\x.pdf": "path separator",
    "C:essay.pdf": "':', which Windows does not allow",
    ".": "names a folder",
    "..": "names a folder",
    ".bashrc": "hidden file",
    "essay.pdf.": "ends with '.'",
    "essay.pdf ": "ends with a space",
    " essay.pdf": "starts or ends with a space",
    "CON": "reserved device name",
    "con.txt": "reserved device name",
    "Nul.tar.gz": "reserved device name",
    "COM1.pdf": "reserved device name",
    "lpt9": "reserved device name",
    "COM¹.png": "reserved device name",
    "essay\x00.pdf": "control character (U+0000)",
    "line\nbreak.txt": "control character (U+000A)",
    "tab\there.txt": "control character (U+0009)",
    "del\x7f.txt": "control character (U+007F)",
    "c1\x85.txt": "control character (U+0085)",
    "photo\u202egnp.exe": "text-direction control U+202E",
    "a\u2066b.pdf": "text-direction control U+2066",
    "x\ud800.pdf": "lone surrogate",
    "private\ue000.pdf": "private-use character",
    "sep\u2028.txt": "line separator",
    "what?.pdf": "'?'",
    "a*b.pdf": "'*'",
    'say "hi".pdf': "'\"'",
    "a<b>.pdf": "'<'",
    "a|b.pdf": "'|'",
    "x" * 252 + ".pdf": f"longer than {MAX_NAME_BYTES} bytes",
    "é" * 126 + ".pdf": f"longer than {MAX_NAME_BYTES} bytes",
}


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_unsafe_names_are_refused_naming_the_name_and_why(name: str) -> None:
    with pytest.raises(UnsafeFileNameError) as info:
        check_filename(name)
    error = info.value
    assert isinstance(error, ValidationError)
    assert error.paths == ("filename",)
    assert repr(name) in str(error)
    assert UNSAFE[name] in str(error)


@pytest.mark.parametrize(
    "name",
    ["essay.pdf", "Care plan (final) v2.docx", "Résumé \u2013 2026.pdf", "照片.jpg", "a",
     "x" * 251 + ".pdf",
     "CONSOLE.txt", "com10.txt", "emoji 👩‍⚕️.png", "my.essay.final.md", "-dash.txt"],
)  # fmt: skip
def test_safe_names_are_kept(name: str) -> None:
    assert check_filename(name) == name


def test_a_name_must_be_a_string() -> None:
    with pytest.raises(UnsafeFileNameError, match="must be a string, not bytes"):
        check_filename(b"essay.pdf")
    with pytest.raises(UnsafeFileNameError) as info:
        check_filename("../x", "files[2].name")
    assert info.value.paths == ("files[2].name",)


_DANGEROUS = st.sampled_from(["/", "\\", "\x00", "\n", "\u202e", ":", "*", "?", '"', "<", ">", "|"])


@given(st.text(max_size=40), _DANGEROUS, st.text(max_size=40))
def test_any_name_with_a_dangerous_character_is_refused(head: str, bad: str, tail: str) -> None:
    assert filename_problem(head + bad + tail) is not None


@given(st.sampled_from(["..", "."]), st.lists(st.sampled_from(["..", "x", "etc"]), max_size=4))
def test_any_path_is_refused(first: str, rest: list[str]) -> None:
    for separator in "/\\":
        assert filename_problem(separator.join([first, *rest])) is not None
    assert filename_problem("/" + "/".join(rest)) is not None


@given(
    st.sampled_from(["CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "LPT5", "conin$"]),
    st.sampled_from(["", ".txt", ".pdf", ".tar.gz", " .txt"]),
    st.booleans(),
)
def test_reserved_windows_names_are_refused(stem: str, extension: str, lower: bool) -> None:
    name = (stem.lower() if lower else stem) + extension
    problem = filename_problem(name)
    assert problem is not None
    assert "reserved device name" in problem


@given(st.text(max_size=300))
def test_a_name_is_refused_or_is_safe_everywhere(name: str) -> None:
    if filename_problem(name) is not None:
        return
    assert name
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert not set('/\\<>:"|?*') & set(name)
    assert name not in (".", "..")
    assert not name.startswith(".")
    assert name == name.strip()
    assert all(ord(c) >= 32 and not 127 <= ord(c) < 160 for c in name)


@given(st.integers(1, 999), st.text(max_size=200), st.sampled_from([".pdf", ".png", ".bin"]))
def test_export_names_are_always_safe_and_numbered(number: int, title: str, ext: str) -> None:
    name = export_name(number, title, ext)
    assert filename_problem(name) is None
    assert name.startswith(f"{number:02d}-")
    assert name.endswith(ext)
    assert name.isascii()
