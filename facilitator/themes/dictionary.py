"""The analyser's dictionary: sudachidict-core's ``system.dic``, or its packed copy.

pip installs the dictionary as a plain 193 MB file, which SudachiPy maps.  The
installer ships it packed with zlib instead (73 MB; ``build_installer.spec``
packs it with :func:`pack`): the first proposal on a machine unpacks it into
the user's cache folder (about a second idle), where later ones find it.  The
copy is named after the original's size and checksum, written whole or not at
all, and checked while it is written (zlib's checksum, the size), so a copy is
always the very file the package ships: tokens, and so proposals, are the same.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import re
import shutil
import tempfile
import zlib
from pathlib import Path

PACKED_NAME = "system.dic.zlib"
_MAGIC = b"furikaeri-packed-dictionary"
_HEADER = re.compile(rb"furikaeri-packed-dictionary (\d+) ([0-9a-f]{8})\n")
_CHUNK = 1 << 20


def system_dictionary() -> str:
    """What to pass as SudachiPy's ``dict``: ``"core"`` where the package holds its
    ``system.dic``, else the path of the unpacked copy of the packed one."""
    spec = importlib.util.find_spec("sudachidict_core")
    if spec is None or not spec.submodule_search_locations:
        return "core"  # SudachiPy says what is missing
    resources = Path(list(spec.submodule_search_locations)[0]) / "resources"
    packed = resources / PACKED_NAME
    if (resources / "system.dic").is_file() or not packed.is_file():
        return "core"
    return str(unpacked(packed))


def pack(source: Path, target: Path) -> None:
    """Write ``source`` zlib-packed to ``target``, with its size and CRC-32 first."""
    crc, size = 0, 0
    with open(source, "rb") as f:
        while chunk := f.read(_CHUNK):
            crc, size = zlib.crc32(chunk, crc), size + len(chunk)
    packer = zlib.compressobj(6)
    with open(source, "rb") as src, open(target, "wb") as dst:
        dst.write(b"%s %d %08x\n" % (_MAGIC, size, crc))
        while chunk := src.read(_CHUNK):
            dst.write(packer.compress(chunk))
        dst.write(packer.flush())


def unpacked(packed: Path) -> Path:
    """The unpacked copy of ``packed`` in the user's cache folder (made if missing).

    A cache folder that cannot be written gets a temporary copy instead, removed
    when the process ends.
    """
    from facilitator.paths import cache_dir
    from facilitator.themes.encoder_cache import _remove_other_copies, remove_stale_temp
    with open(packed, "rb") as f:
        found = _HEADER.fullmatch(f.readline())
    if found is None:
        raise ValueError(f"{packed} is not a packed dictionary")
    size, crc = int(found[1]), int(found[2], 16)
    target = cache_dir() / f"sudachi-core-{size}-{crc:08x}.dic"
    try:
        if target.stat().st_size == size:
            return target
    except OSError:
        pass
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temp(target.parent)
        _unpack(packed, target, size)
        _remove_other_copies(target, "sudachi-core-")
        return target
    except OSError:  # a read-only or full cache folder: a copy for this process only
        folder = Path(tempfile.mkdtemp(prefix="furikaeri-dictionary-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        target = folder / "system.dic"
        _unpack(packed, target, size)
        return target


def _unpack(packed: Path, target: Path, size: int) -> None:
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    unpacker = zlib.decompressobj()
    written = 0
    try:
        with open(packed, "rb") as src, open(tmp, "wb") as dst:
            src.readline()
            while chunk := src.read(_CHUNK):
                written += dst.write(unpacker.decompress(chunk))
            written += dst.write(unpacker.flush())
        # zlib checks the stream's own checksum (a damaged file raises zlib.error);
        # a cut one ends early.
        if written != size or not unpacker.eof:
            raise ValueError(f"{packed} is damaged")
        os.replace(tmp, target)  # whole or not at all
    finally:
        if tmp.exists():
            tmp.unlink()
