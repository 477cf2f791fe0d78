#!/usr/bin/env python3
"""Check that mm/'s exported functions carry kernel-doc contracts.

Every function defined without `static` in mm/*.c, and every static
inline function of the mm API headers (include/linux/gfp.h, mm.h,
slab.h, vmalloc.h, memblock.h), must have directly above its definition
a kernel-doc block as Linux's scripts/kernel-doc reads it:

    /**
     * name - one-line summary
     * @param: description          (one for each parameter, no others)
     *
     * Context: ...                  (recommended, not checked)
     * Return: ...                   (required unless the function is void)
     */

One line per function ("ok" or "FAIL" with the reasons), then
"kerneldoc: N passed, N failed"; the exit status is 1 if any failed.
Run by `make kernel-doc-check`, part of `make test`.
"""

import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADERS = ["include/linux/%s.h" % h
           for h in ("gfp", "mm", "slab", "vmalloc", "memblock", "highmem")]

IDENT = r"[A-Za-z_]\w*"
# Words that may precede a definition's name without being its type.
NOT_TYPES = {"static", "inline", "__always_inline", "noinline", "__init",
             "extern", "const", "struct", "enum", "union", "unsigned",
             "signed", "volatile", "__attribute__"}


def blank_comments_and_preprocessor(text):
    """The source with comments, strings and # lines replaced by spaces.

    Newlines are kept, so offsets and line numbers still match the file.
    """
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and text[i:].lstrip(" \t").startswith("#"):
            # A preprocessor line and its backslash continuations.
            j = i
            while True:
                k = text.find("\n", j)
                if k < 0:
                    k = n
                if k > 0 and text[k - 1] == "\\" and k < n:
                    j = k + 1
                    continue
                break
            out.append(re.sub(r"[^\n]", " ", text[i:k]))
            i = k
            continue
        at_line_start = False
        if text.startswith("/*", i):
            k = text.find("*/", i + 2)
            k = n if k < 0 else k + 2
            out.append(re.sub(r"[^\n]", " ", text[i:k]))
            i = k
        elif text.startswith("//", i):
            k = text.find("\n", i)
            k = n if k < 0 else k
            out.append(" " * (k - i))
            i = k
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j]) + c)
            i = j + 1
        else:
            out.append(c)
            if c == "\n":
                at_line_start = True
            i += 1
    return "".join(out)


def split_params(params):
    """Parameter names of a prototype's parameter list text."""
    parts, depth, cur = [], 0, ""
    for c in params:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    parts.append(cur)
    names = []
    for p in (p.strip() for p in parts):
        if not p or p == "void":
            continue
        if p == "...":
            names.append("...")
            continue
        m = re.search(r"\(\s*\*\s*(%s)\s*\)" % IDENT, p)  # void (*fn)(...)
        if not m:
            m = re.search(r"(%s)\s*(\[[^\]]*\])*$" % IDENT, p)
        names.append(m.group(1) if m else p)
    return names


def definitions(path, want_static_inline):
    """(line, name, params, returns_void) of each wanted definition."""
    with open(os.path.join(ROOT, path)) as f:
        src = f.read()
    code = blank_comments_and_preprocessor(src)
    found = []
    depth, start = 0, 0
    for i, c in enumerate(code):
        if c == "{":
            if depth == 0:
                decl = code[start:i]
                found.append((start, decl))
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                start = i + 1
        elif c == ";" and depth == 0:
            start = i + 1
    result = []
    for off, decl in found:
        text = " ".join(decl.split())
        if "(" not in text or "=" in text.split("(")[0]:
            continue  # struct/enum bodies, initialisers
        head = text.split("(")[0].split()
        if not head or head[0] in ("struct", "enum", "union", "typedef") \
                and len(head) <= 2:
            continue
        is_static = "static" in head
        if want_static_inline:
            if not (is_static and ("inline" in head or
                                   "__always_inline" in head)):
                continue
        elif is_static:
            continue
        m = re.match(r"(.*?)\b(%s)\s*\((.*)\)\s*$" % IDENT, text)
        if not m:
            continue
        ret, name, params = m.group(1), m.group(2), m.group(3)
        ret_words = [w for w in re.findall(IDENT, ret)
                     if w not in NOT_TYPES]
        returns_void = ret_words == ["void"] and "*" not in ret
        # The line of the definition's first non-blank character.
        lead = len(decl) - len(decl.lstrip())
        line = src.count("\n", 0, off + lead) + 1
        result.append((line, name, split_params(params), returns_void))
    return result


def kernel_doc_above(lines, line):
    """The /** ... */ block ending on the line before line (1-based)."""
    end = line - 2
    if end < 0 or lines[end].strip() != "*/":
        return None
    for k in range(end - 1, -1, -1):
        s = lines[k].strip()
        if s.startswith("/**"):
            return lines[k:end + 1]
        if s.startswith("/*") or s.endswith("*/"):
            return None
    return None


def check(lines, line, name, params, returns_void):
    """The problems of one definition's contract; empty if none."""
    block = kernel_doc_above(lines, line)
    if block is None:
        return ["no /** kernel-doc block directly above"]
    body = [re.sub(r"^\s*\*? ?", "", l, count=1) for l in block[1:-1]]
    problems = []
    if not body or not re.match(r"%s(\(\))?\s+-\s+\S" % re.escape(name),
                                body[0]):
        problems.append("first line is not \"%s - summary\"" % name)
    described = re.findall(r"^@(\w+|\.\.\.):", "\n".join(body), re.M)
    for p in params:
        if p not in described:
            problems.append("@%s not described" % p)
    for d in described:
        if d not in params:
            problems.append("@%s described but not a parameter" % d)
    if not returns_void and not any(re.match(r"Returns?:", l) for l in body):
        problems.append("no Return: section")
    return problems


def main():
    files = sorted(glob.glob(os.path.join(ROOT, "mm", "*.c")))
    targets = [(os.path.relpath(f, ROOT), False) for f in files]
    targets += [(h, True) for h in HEADERS]
    passed = failed = 0
    for path, static_inline in targets:
        with open(os.path.join(ROOT, path)) as f:
            lines = f.read().split("\n")
        for line, name, params, returns_void in definitions(path,
                                                            static_inline):
            problems = check(lines, line, name, params, returns_void)
            if problems:
                failed += 1
                print("FAIL  %s:%d: %s: %s" % (path, line, name,
                                              "; ".join(problems)))
            else:
                passed += 1
                print("ok    %s:%d: %s" % (path, line, name))
    print("kerneldoc: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
