#!/usr/bin/python3
"""Runs `scorecard import invites --dry-run --format json` over every file of
the real-world calendar corpus (../shared/ics-real, see its README) and
checks each instant its derived/expected.json gives.

For each file: it must end within the timeout, never panic, and leave the
workspace as it was (a dry run writes nothing). For each derived invite:
the interview it plans must be at the instant expected.json says.

Usage (from the repository):
    cargo build --release
    scripts/ics_real_check.py [--corpus DIR] [--bin PATH] [--timeout SECONDS]

Prints one summary line, such as
    ics-real: 18 of 18 instants right, 47 files read, 0 panics
and exits 1 when an instant is wrong, a run panics or hangs, or a dry run
changes the workspace. Standard library only.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The corpus README: two attendees are named only by their address.
PEOPLE = """People(format: 1, people: [
    Person(name: "Tigran Endjoukian", emails: ["tendjoukian@yahoo.de"]),
    Person(name: "Tomas Meher", emails: ["meher.t@gmail.com"]),
])
"""


def tree_hash(root):
    """One hash of every file's path and bytes under root."""
    digest = hashlib.sha256()
    for folder, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, root).encode())
            with open(path, "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()


def default_bin():
    for profile in ("release", "debug"):
        path = os.path.join(REPO, "target", profile, "scorecard")
        if os.path.exists(path):
            return path
    return os.path.join(REPO, "target", "release", "scorecard")


def run(binary, workspace, path, timeout):
    """(status, stdout, stderr); status is 'hang' when it outlives timeout."""
    try:
        done = subprocess.run(
            [binary, "--workspace", workspace, "import", "invites", path,
             "--dry-run", "--format", "json"],
            capture_output=True, timeout=timeout,
            env=dict(os.environ, TZ="Asia/Tokyo"),
        )
    except subprocess.TimeoutExpired:
        return "hang", "", ""
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode == 101 or "panicked" in err:
        return "panic", out, err
    return done.returncode, out, err


def planned_at(out):
    """The instants of the interviews a dry run's JSON plans."""
    try:
        doc = json.loads(out)
    except ValueError:
        return []
    return [e.get("at") for e in doc.get("created", []) + doc.get("moved", [])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "ics-real"))
    parser.add_argument("--bin", default=os.environ.get("SCORECARD_BIN", default_bin()))
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    corpus = os.path.abspath(args.corpus)
    derived = os.path.join(corpus, "derived")
    with open(os.path.join(derived, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)

    scratch = tempfile.mkdtemp(prefix="ics-real-")
    workspace = os.path.join(scratch, "workspace")
    shutil.copytree(os.path.join(REPO, "tests", "fixtures", "sample-workspace"), workspace)
    with open(os.path.join(workspace, "people.ron"), "w", encoding="utf-8") as f:
        f.write(PEOPLE)
    before = tree_hash(workspace)

    problems = []
    files = sorted(n for n in os.listdir(corpus) if n.endswith(".ics"))
    read = panics = hangs = 0
    try:
        for name in files:
            status, out, err = run(args.bin, workspace, os.path.join(corpus, name), args.timeout)
            if status == "panic":
                panics += 1
                problems.append(f"{name}: panicked: {err.strip()}")
            elif status == "hang":
                hangs += 1
                problems.append(f"{name}: no answer within {args.timeout:g} s")
            elif status == 0:
                read += 1
            if args.verbose:
                # The last line: the sample workspace's own broken file is
                # reported first.
                last = err.strip().splitlines()[-1:]
                print(f"  {name}: exit {status} {last[0] if last else ''}")
        right = 0
        for name, want in sorted(expected.items()):
            status, out, err = run(args.bin, workspace, os.path.join(derived, name), args.timeout)
            got = planned_at(out)
            if status == "panic":
                panics += 1
            if status == "hang":
                hangs += 1
            if want["expected_utc"] in got and len(set(got)) == 1:
                right += 1
            else:
                why = json.dumps(json.loads(out).get("unmatched", [])) if out else err.strip()
                problems.append(
                    f"derived/{name}: expected {want['expected_utc']}, planned {got or 'nothing'} ({why})"
                )
        if tree_hash(workspace) != before:
            problems.append("a dry run changed the workspace")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    for problem in problems:
        print(problem, file=sys.stderr)
    print(
        f"ics-real: {right} of {len(expected)} instants right, {read} files read, "
        f"{len(files) - read - panics - hangs} refused with an error, {panics} panics, {hangs} hangs"
    )
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
