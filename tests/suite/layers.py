#!/usr/bin/python3
"""The layers include only downwards: server -> {web, mail, store} -> calendar. calendar includes only the
standard library and date; store and web never include each other; mail includes neither; nothing below server
includes server. Checked on the tree, and on a small tree with one wrong include, so the check can fail.
Usage: layers.py SOURCE_DIR"""
import os
import re
import sys
import tempfile

# What each layer may include of the project's folders, and which other libraries (by the include's prefix).
ALLOWED = {
    "calendar": ({"calendar"}, ("date/",)),
    "store": ({"store", "calendar"}, ("SQLiteCpp/", "sqlite3.h", "boost/", "sodium.h", "date/")),
    "web": ({"web", "calendar"}, ("boost/", "date/", "unicode/", "qrencode.h", "zlib.h")),  # ICU, libqrencode, zlib
    "mail": ({"mail", "calendar"}, ("curl/", "date/", "boost/", "fcntl.h", "unistd.h", "sys/")),  # maildir: POSIX
}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
PROJECT = {"calendar", "store", "web", "mail", "server"}


def violations(root):
    found = []
    for layer, (folders, libraries) in ALLOWED.items():
        folder = os.path.join(root, layer)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if not name.endswith((".cpp", ".hpp")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for included in INCLUDE.findall(f.read()):
                    top = included.split("/")[0]
                    if "/" in included and top in PROJECT:
                        ok = top in folders
                    elif "/" in included or "." in included:
                        ok = included.startswith(libraries)
                    else:
                        ok = True  # the standard library
                    if not ok:
                        found.append(f"{layer}/{name} includes {included}")
    return found


def main():
    problems = violations(sys.argv[1])
    with tempfile.TemporaryDirectory() as tree:  # the check itself: one wrong include must be found
        os.makedirs(os.path.join(tree, "store"))
        with open(os.path.join(tree, "store", "bad.cpp"), "w", encoding="utf-8") as f:
            f.write('#include <vector>\n#include "calendar/types.hpp"\n#include "web/html.hpp"\n')
        assert violations(tree) == ["store/bad.cpp includes web/html.hpp"], violations(tree)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("every include runs downwards")


if __name__ == "__main__":
    main()
