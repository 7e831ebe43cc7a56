#!/usr/bin/env python3
"""Keeps the outputs shown in the docs true: runs every command of the ```console blocks of the
given Markdown files (lines starting with "$ ") in a scratch folder, and writes what each printed
(stdout and stderr, as a user sees them) under it. Durations and rates such as "6.2 s" and "76,139 shipments/s" are shown as "… s" and "… shipments/s"
so that the text does not change from run to run.

    tools/doc_outputs.py docs/tutorial.md            # rewrite the blocks with fresh outputs
    tools/doc_outputs.py --check docs/tutorial.md    # exit 1 if a block differs from a fresh run

Commands run from a scratch folder in which ./parcelnet is this repository's launcher and
sample-data/ its sample data, so that files they write (class/, ...) never land in the repository.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
# Durations and rates change from run to run: "(6.2 s)", "in 2.6 s", "(76,139 shipments/s)".
DURATION = re.compile(r"\b\d+(?:\.\d+)? s\b")
RATE = re.compile(r"\b[\d,]+(?:\.\d+)? (\w+)/s\b")


def run_block(block, scratch):
    out = []
    for line in block.splitlines():
        if not line.startswith("$ "):
            continue
        command = line[2:]
        out.append(line)
        done = subprocess.run(["bash", "-c", command], cwd=scratch, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
        text = RATE.sub(r"… \1/s", DURATION.sub("… s", done.stdout.rstrip("\n")))
        if text:
            out.extend(text.split("\n"))
        if done.returncode != 0:
            out.append("(exit code %d)" % done.returncode)
    return "\n".join(out) + "\n"


def build_once():
    """Builds the jar first, so that no shown output carries the launcher's first-run build message."""
    done = subprocess.run([os.path.join(ROOT, "parcelnet"), "--version"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout)
        sys.exit("tools/doc_outputs.py: ./parcelnet does not build")


def process(path, check):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    with tempfile.TemporaryDirectory(prefix="parcelnet-doc-") as scratch:
        launcher = os.path.join(scratch, "parcelnet")
        with open(launcher, "w") as f:
            f.write('#!/usr/bin/env bash\nexec "%s/parcelnet" "$@"\n' % ROOT)
        os.chmod(launcher, 0o755)
        os.symlink(os.path.join(ROOT, "sample-data"), os.path.join(scratch, "sample-data"))
        fresh = BLOCK.sub(lambda m: "```console\n" + run_block(m.group(1), scratch) + "```", doc)
    if fresh == doc:
        return True
    if check:
        sys.stderr.write("%s: shown outputs differ from a fresh run (tools/doc_outputs.py %s)\n" % (path, path))
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(fresh)
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="fail when a shown output differs from a fresh run")
    p.add_argument("files", nargs="+")
    a = p.parse_args()
    build_once()
    ok = all([process(f, a.check) for f in a.files])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
