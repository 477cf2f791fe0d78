#!/usr/bin/env python3
"""scripts/mkinitramfs.py: write a cpio "newc" archive of modules.

    mkinitramfs.py [--objcopy OBJCOPY] -o out.cpio DEST=SRCDIR...

Every SRCDIR/*.ko goes in as DEST/<name>.ko (with --objcopy, a copy
stripped of debug information, as Linux's INSTALL_MOD_STRIP=1), after
the directories leading to it; the archive ends with TRAILER!!!. The
format is the one Linux's usr/gen_init_cpio writes and init/initramfs.c
reads (kernel/initramfs.c here): a 110-byte ASCII header "070701" and
13 fields of 8 hex digits, the name with its NUL, padding to 4 bytes,
the data, padding to 4 bytes. mtime 0 and fixed inode numbers make the
archive the same bytes for the same modules. It is written only if its
contents changed, so make does not relink what depends on it.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile


def entry(ino, name, mode, data=b""):
    name_b = name.encode() + b"\0"
    hdr = "070701" + "".join("%08X" % v for v in (
        ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name_b), 0))
    out = hdr.encode() + name_b
    out += b"\0" * (-len(out) % 4)
    out += data + b"\0" * (-len(data) % 4)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", required=True)
    ap.add_argument("--objcopy")
    ap.add_argument("pairs", nargs="+")
    args = ap.parse_args()
    out, dirs, ino = b"", set(), 1
    with tempfile.TemporaryDirectory() as tmp:
        for pair in args.pairs:
            dest, src = pair.split("=", 1)
            for ko in sorted(glob.glob(os.path.join(src, "*.ko"))):
                parts = dest.strip("/").split("/")
                for i in range(1, len(parts) + 1):
                    d = "/".join(parts[:i])
                    if d not in dirs:
                        dirs.add(d)
                        out += entry(ino, d, 0o040755)
                        ino += 1
                path = ko
                if args.objcopy:
                    path = os.path.join(tmp, os.path.basename(ko))
                    subprocess.run([args.objcopy, "--strip-debug", ko, path],
                                   check=True)
                with open(path, "rb") as f:
                    data = f.read()
                out += entry(ino, dest.strip("/") + "/" + os.path.basename(ko),
                             0o100644, data)
                ino += 1
    out += entry(0, "TRAILER!!!", 0)
    if os.path.exists(args.o) and open(args.o, "rb").read() == out:
        return 0
    os.makedirs(os.path.dirname(args.o) or ".", exist_ok=True)
    with open(args.o, "wb") as f:
        f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
