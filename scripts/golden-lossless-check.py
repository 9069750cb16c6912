#!/usr/bin/env python3
"""Checks that the readable golden transcripts hold exactly what the JSON Lines ones held.

Usage: scripts/golden-lossless-check.py [REV]   (REV: the commit whose JSON Lines goldens to compare; default HEAD)

For every Tests/CNMCommandsTests/Golden/NAME.golden that is JSON Lines at REV, reads the file of the same name
in the work tree (the layout `make golden` writes, docs/testing.md) with a reader written apart from the Swift
one, and compares command, stdout, stderr and exit status of every command, byte for byte. Prints one line per
file and exits 1 if any differs. Run it after `make golden` converts files from the old layout.
"""
import json
import subprocess
import sys

DIR = "Tests/CNMCommandsTests/Golden"
HEADER = b"# cnmlab golden transcript: `$` command, `|` stdout, `!` stderr, `[exit N]` when not 0 (docs/testing.md)"
NO_NEWLINE = b"\\ no newline at end"


def unescape(b):
    out, i = bytearray(), 0
    while i < len(b):
        if b[i:i + 1] != b"\\":
            out += b[i:i + 1]; i += 1; continue
        c = b[i + 1:i + 2]
        if c == b"\\": out += b"\\"; i += 2
        elif c == b"r": out += b"\r"; i += 2
        elif c == b"n": out += b"\n"; i += 2
        elif c == b"x": out.append(int(b[i + 2:i + 4], 16)); i += 4
        else: raise ValueError("bad escape %r" % b)
    return bytes(out)


def read_readable(data):
    lines = data.split(b"\n")
    if lines[-1] == b"": lines.pop()
    assert lines[0] == HEADER, "no header"
    records, cur = [], None
    for line in lines[1:]:
        if not line: continue
        if line == NO_NEWLINE:
            cur[cur["last"]] = cur[cur["last"]][:-1]; cur["last"] = None; continue
        if line.startswith(b"[exit "):
            cur["exitCode"] = int(line[6:-1]); continue
        m, rest = line[:1], line[1:]
        content = b"" if not rest else rest[1:] if rest[:1] == b" " else unescape(rest[1:]) if rest[:1] == b"~" else None
        assert content is not None, line
        if m == b"$":
            cur = {"command": content, "stdout": b"", "stderr": b"", "exitCode": 0, "last": None}
            records.append(cur)
        elif m == b">": cur["command"] += b"\n" + content
        elif m == b"|": cur["stdout"] += content + b"\n"; cur["last"] = "stdout"
        elif m == b"!": cur["stderr"] += content + b"\n"; cur["last"] = "stderr"
        else: raise ValueError(line)
    return [(r["command"], r["stdout"], r["stderr"], r["exitCode"]) for r in records]


def read_json_lines(data):
    out = []
    for line in data.split(b"\n"):
        if not line: continue
        r = json.loads(line)
        out.append((r["command"].encode(), r["stdout"].encode(), r["stderr"].encode(), r["exitCode"]))
    return out


def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, DIR + "/"], capture_output=True, check=True).stdout.decode().split()
    failed = compared = 0
    for path in sorted(n for n in names if n.endswith(".golden")):
        old = subprocess.run(["git", "show", "%s:%s" % (rev, path)], capture_output=True, check=True).stdout
        if not old.startswith(b"{"): continue
        try:
            new = read_readable(open(path, "rb").read())
        except (OSError, AssertionError, ValueError) as e:
            print("%s: cannot read the new file: %s" % (path, e)); failed += 1; continue
        before = read_json_lines(old)
        compared += 1
        if new == before:
            print("%s: %d commands, same bytes" % (path, len(new)))
        else:
            failed += 1
            first = next((i for i, (a, b) in enumerate(zip(before, new)) if a != b), min(len(before), len(new)))
            print("%s: DIFFERS at command %d (%d before, %d now)" % (path, first + 1, len(before), len(new)))
    print("%d files compared, %d differ" % (compared, failed))
    sys.exit(1 if failed else 0)


main()
