#!/usr/bin/env python3
"""Checks every public/protected declaration of the LEAN reference surface against LEAN's source.

Usage: check_against_lean.py [LEAN git dir] [rev]
  (defaults: /work/.mirror/QuantConnect+Lean/repo, HEAD; any LEAN clone works: pass its .git or bare directory)

For each surface file, the LEAN files named in its `// LEAN: path` comments are read with `git show`; each surface
declaration (type headers, members, enum members) is reduced to its signature - modifiers, type, name, parameter list,
accessor list - and must appear, whitespace-normalised, in one of those LEAN files. Test-only hooks (`internal` members
the surface adds for tests) are skipped. Prints the declarations it cannot find; exit code 1 if any.
"""
import pathlib
import re
import subprocess
import sys

LEAN = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/QuantConnect+Lean/repo"
REV = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
SURFACE = pathlib.Path(__file__).resolve().parent.parent


def norm(text):
    text = re.sub(r"//.*", "", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([(),<>\[\]?])\s*", r"\1", text)
    return text.strip()


def lean_text(path):
    return subprocess.run(["git", "-C", LEAN, "show", f"{REV}:{path}"], capture_output=True, text=True, check=True).stdout


def signature(line):
    line = line.strip()
    line = re.split(r"\s=>(?:\s|$)|\s*\{", line)[0]      # drop expression bodies / accessor bodies
    if re.search(r"\bstatic readonly\b", line):
        line = line.split(" = ")[0]                         # drop field initialisers
    line = re.sub(r"\s*:\s*base\(.*|\s*:\s*this\(.*", "", line)  # constructor initialisers
    return norm(line.rstrip(";"))


DECL = re.compile(r"^\s*(public|protected)\b")
ENUM_MEMBER = re.compile(r"^\s*([A-Za-z]\w*)(\s*=\s*\d+)?,?\s*$")

failures = 0
checked = 0
for file in sorted(SURFACE.rglob("*.cs")):
    if "/obj/" in str(file) or "/bin/" in str(file):
        continue
    source = file.read_text()
    paths = re.findall(r"// LEAN: (\S+\.cs)", source)
    if not paths:
        print(f"{file.relative_to(SURFACE)}: no '// LEAN: path' comment")
        failures += 1
        continue
    lean = norm("\n".join(lean_text(p) for p in sorted(set(paths))))
    in_enum = False
    for number, line in enumerate(source.splitlines(), 1):
        if re.search(r"\benum\b", line):
            in_enum = True
        elif in_enum and line.strip() == "}":
            in_enum = False
        candidate = None
        if DECL.match(line):
            candidate = signature(line)
        elif in_enum and ENUM_MEMBER.match(line):
            candidate = norm(line.strip().rstrip(","))
        if not candidate:
            continue
        checked += 1
        if candidate not in lean:
            failures += 1
            print(f"{file.relative_to(SURFACE)}:{number}: not in LEAN: {candidate}")

print(f"checked {checked} declarations, {failures} problem(s)")
sys.exit(1 if failures else 0)
