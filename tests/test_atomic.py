"""atomic_write: whole files or none, written through links, never over a protected paper."""

from __future__ import annotations

import os
import stat
import tempfile

import pytest

from plainspeak.atomic import _umask, atomic_write
from plainspeak.errors import OutputError


def _leftovers(*folders) -> list[str]:
    return [name for folder in folders for name in os.listdir(folder) if name.endswith(".tmp")]


def test_a_plain_path_gets_a_regular_file(tmp_path):
    target = tmp_path / "copy.html"
    assert atomic_write(target, "<p>new</p>") == target
    assert target.read_text() == "<p>new</p>" and not target.is_symlink()
    atomic_write(target, b"again")
    assert target.read_bytes() == b"again" and _leftovers(tmp_path) == []


def test_a_link_is_written_through_and_stays_a_link(tmp_path, monkeypatch):
    real_folder, link_folder = tmp_path / "shared", tmp_path / "mine"
    real_folder.mkdir(), link_folder.mkdir()
    real = real_folder / "copy.html"
    real.write_text("old")
    link = link_folder / "copy.html"
    link.symlink_to(real)
    temp_folders = []
    real_mkstemp = tempfile.mkstemp

    def recording_mkstemp(*args, **kwargs):
        temp_folders.append(os.path.realpath(kwargs["dir"]))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", recording_mkstemp)
    assert atomic_write(link, "new") == link
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    # The rename is atomic only within one folder: the temporary file is made beside the target.
    assert temp_folders == [os.path.realpath(real_folder)]
    assert _leftovers(real_folder, link_folder) == []


def test_a_chain_of_links_and_a_dangling_link_reach_their_end(tmp_path):
    end = tmp_path / "end.md"
    middle = tmp_path / "middle.md"
    first = tmp_path / "first.md"
    middle.symlink_to(end)
    first.symlink_to(middle)
    atomic_write(first, "made")  # the chain dangles: its end is made
    assert end.read_text() == "made" and first.is_symlink() and middle.is_symlink()


def test_a_loop_of_links_is_one_clear_error(tmp_path):
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.symlink_to(two)
    two.symlink_to(one)
    with pytest.raises(OutputError) as raised:
        atomic_write(one, "x")
    assert raised.value.kind.code == "E401"
    assert "symbolic link that cannot be followed" in raised.value.line()
    assert one.is_symlink() and two.is_symlink() and _leftovers(tmp_path) == []


def test_a_name_too_long_for_the_file_system_is_one_clear_error(tmp_path):
    with pytest.raises(OutputError) as raised:
        atomic_write(tmp_path / ("r" * 300 + ".json"), "{}")
    assert raised.value.kind.code == "E401" and "File name too long" in raised.value.line()
    assert os.listdir(tmp_path) == []


def test_a_link_to_a_protected_paper_is_refused_and_the_paper_kept(tmp_path):
    paper = tmp_path / "paper.md"
    paper.write_text("The virement was agreed.\n")
    link = tmp_path / "out" / "copy.md"
    link.parent.mkdir()
    link.symlink_to(paper)
    with pytest.raises(OutputError) as raised:
        atomic_write(link, "annotated", protect=(str(paper),))
    assert raised.value.kind.code == "E402"
    assert f"it is a link to {paper}" in raised.value.line()
    assert paper.read_text() == "The virement was agreed.\n" and link.is_symlink()
    assert _leftovers(tmp_path, link.parent) == []


def test_a_hard_link_to_a_protected_paper_is_refused(tmp_path):
    paper = tmp_path / "paper.md"
    paper.write_text("original")
    other = tmp_path / "other.md"
    os.link(paper, other)
    with pytest.raises(OutputError) as raised:
        atomic_write(other, "annotated", protect=(str(paper),))
    assert raised.value.kind.code == "E402" and "same file as" in raised.value.line()
    assert paper.read_text() == "original"


def test_a_protected_paper_does_not_stop_writing_elsewhere(tmp_path):
    paper = tmp_path / "paper.md"
    paper.write_text("original")
    atomic_write(tmp_path / "copy.md", "annotated", protect=(str(paper), str(tmp_path / "gone.md")))
    assert (tmp_path / "copy.md").read_text() == "annotated" and paper.read_text() == "original"


@pytest.fixture()
def umask_027():
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def test_a_new_copy_gets_the_permissions_the_umask_leaves(tmp_path, umask_027):
    written = atomic_write(tmp_path / "copy.html", "<p>new</p>")
    assert stat.S_IMODE(written.stat().st_mode) == 0o640
    assert _umask() == 0o027  # read, and left as it was


def test_a_copy_written_over_keeps_its_permissions(tmp_path, umask_027):
    copy = tmp_path / "copy.html"
    copy.write_text("old", encoding="utf-8")
    for mode in (0o600, 0o664):
        copy.chmod(mode)
        atomic_write(copy, "<p>again</p>")
        assert stat.S_IMODE(copy.stat().st_mode) == mode and copy.read_text(encoding="utf-8") == "<p>again</p>"


def test_through_a_link_the_targets_permissions_are_kept(tmp_path):
    target = tmp_path / "shared" / "copy.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    target.chmod(0o660)
    link = tmp_path / "copy.html"
    link.symlink_to(target)
    atomic_write(link, "<p>new</p>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o660 and link.is_symlink()


def test_the_umask_is_read_the_same_way_without_proc(monkeypatch, umask_027):
    import builtins

    real_open = builtins.open

    def no_proc(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if str(file).startswith("/proc/"):
            raise FileNotFoundError(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_proc)
    assert _umask() == 0o027
    assert os.umask(0o027) == 0o027  # put back as it was


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_written_into_not_replaced(tmp_path):
    # Renaming over it made it a regular file; as root, "-o /dev/null" did that to /dev/null.
    import threading

    pipe = tmp_path / "report.json"
    os.mkfifo(pipe)
    link = tmp_path / "link.json"
    link.symlink_to(pipe)
    for path in (pipe, link):
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
        reader.start()
        atomic_write(path, b'{"papers": []}\n')
        reader.join(timeout=10)
        assert got == [b'{"papers": []}\n']
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OutputError, match="disk device or a socket"):
            atomic_write(path, b"x")
    assert stat.S_ISSOCK(os.stat(path).st_mode)


def test_a_name_plainspeak_made_is_never_written_through_a_link(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    link = tmp_path / "paper.plainspeak.html"
    link.symlink_to(target)
    with pytest.raises(OutputError) as raised:
        atomic_write(link, "<html>", follow=False)
    assert raised.value.kind.code == "E405" and f"it links to {target}" in raised.value.line()
    assert target.read_text() == "keep me" and link.is_symlink() and _leftovers(tmp_path) == []
    assert atomic_write(tmp_path / "plain.html", "<html>", follow=False).read_text() == "<html>"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_where_plainspeak_names_a_file_is_replaced_not_waited_on(tmp_path):
    pipe = tmp_path / "entry.json"
    os.mkfifo(pipe)
    atomic_write(pipe, b"{}", follow=False)  # no reader: writing into it would wait for ever
    assert stat.S_ISREG(os.stat(pipe).st_mode) and pipe.read_bytes() == b"{}"
