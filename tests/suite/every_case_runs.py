#!/usr/bin/python3
"""Every Catch2 test case is exactly one ctest entry whose filter selects exactly that case.

catch_discover_tests once split names containing ';' (a CMake list separator) into fragments that matched
nothing, and those counted as passed. Here each test binary lists its cases, ctest lists its entries, and the
two must agree one to one; each entry must also carry '-w NoTests', so an empty match fails instead of passing.
Usage: every_case_runs.py BUILD_DIR BINARY..."""
import json
import subprocess
import sys


def unescape(spec):
    for char in ",[]":
        spec = spec.replace("\\" + char, char)
    return spec


def main():
    build_dir, binaries = sys.argv[1], sys.argv[2:]
    listing = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build_dir, check=True, capture_output=True,
                             text=True).stdout
    entries = json.loads(listing)["tests"]
    problems = []
    total = 0
    for binary in binaries:
        names = subprocess.run([binary, "--list-test-names-only"], capture_output=True, text=True).stdout
        cases = sorted(line for line in names.splitlines() if line.strip())
        commands = [t["command"] for t in entries if t.get("command") and t["command"][0] == binary]
        filters = sorted(unescape(c[1]) for c in commands)
        total += len(cases)
        if filters != cases:
            problems.append(f"{binary}: {len(cases)} test cases, {len(filters)} ctest entries; "
                            f"without an entry: {sorted(set(cases) - set(filters))}; "
                            f"entries without a case: {sorted(set(filters) - set(cases))}")
        for c in commands:
            if "NoTests" not in c[2:]:
                problems.append(f"{binary}: entry {c[1]!r} lacks '-w NoTests'")
        if any(";" in case for case in cases):
            problems.append(f"{binary}: a test name holds ';': {[c for c in cases if ';' in c]}")
    print(f"{total} Catch2 test cases in {len(binaries)} binaries, {len(entries)} ctest entries in all")
    if problems:
        print("\n".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
