#!/usr/bin/env bash
# Release check: build the sdist and the wheel, run `twine check --strict`,
# check what the distributions hold, then install the wheel into a fresh
# virtual environment and parse a shipped seed article with it (the library
# and the `arnewsparse` command), away from the source tree.
#
# Usage: .ci/wheel.sh [DIST_DIR]   (default: a temporary directory)
# Needs: build and twine (installed here if missing); PyPI for the build
# backend and the run-time dependencies.  Without network, the build falls
# back to --no-isolation (hatchling must be installed) and the fresh venv
# borrows the dependencies of the current environment.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${PYTHON:-python}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dist=${1:-$work/dist}
rm -rf "$dist"
mkdir -p "$dist"

if ! "$python" -c "import build, twine" 2>/dev/null; then
  "$python" -m pip install --quiet build twine
fi

echo "== build"
if ! "$python" -m build --outdir "$dist" . >"$work/build.log" 2>&1; then
  echo "isolated build failed (offline?); retrying with --no-isolation" >&2
  tail -5 "$work/build.log" >&2
  "$python" -m build --no-isolation --outdir "$dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi
ls -l "$dist"

echo "== twine check"
"$python" -m twine check --strict "$dist"/*

echo "== contents"
"$python" - "$dist" "$root" <<'PY'
import re
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

dist, root = Path(sys.argv[1]), Path(sys.argv[2])
version = re.search(r'__version__\s*=\s*"([^"]+)"', (root / "src/arnewsparse/_version.py").read_text()).group(1)
[wheel] = dist.glob("*.whl")
[sdist] = dist.glob("*.tar.gz")
assert wheel.name == f"arnewsparse-{version}-py3-none-any.whl", wheel.name
assert sdist.name == f"arnewsparse-{version}.tar.gz", sdist.name

data = sorted(p.name for p in (root / "src/arnewsparse/data").iterdir() if p.is_file())
modules = sorted(p.name for p in (root / "src/arnewsparse").glob("*.py"))
problems = []

with zipfile.ZipFile(wheel) as zf:
    names = set(zf.namelist())
    meta = Parser().parsestr(zf.read(f"arnewsparse-{version}.dist-info/METADATA").decode())
    entry_points = zf.read(f"arnewsparse-{version}.dist-info/entry_points.txt").decode()
for needed in ["arnewsparse/py.typed", *(f"arnewsparse/data/{n}" for n in data), *(f"arnewsparse/{m}" for m in modules)]:
    if needed not in names:
        problems.append(f"wheel lacks {needed}")
if not any(n.startswith(f"arnewsparse-{version}.dist-info/licenses/LICENSE") for n in names):
    problems.append("wheel lacks the LICENSE file")
stray = sorted(n for n in names if not n.startswith(("arnewsparse/", f"arnewsparse-{version}.dist-info/")))
if stray:
    problems.append(f"wheel holds files outside the package: {stray[:5]}")
if "arnewsparse = arnewsparse.cli:main" not in entry_points:
    problems.append("wheel lacks the arnewsparse console script")

expect = {
    "Name": "arnewsparse",
    "Version": version,
    "License-Expression": "GPL-3.0-or-later",
    "Description-Content-Type": "text/markdown",
}
for key, value in expect.items():
    if meta.get(key) != value:
        problems.append(f"METADATA {key}: {meta.get(key)!r}, expected {value!r}")
for key in ("Summary", "Requires-Python"):
    if not meta.get(key):
        problems.append(f"METADATA lacks {key}")
classifiers = meta.get_all("Classifier") or []
for c in ("Typing :: Typed", "Natural Language :: Arabic", "Programming Language :: Python :: 3"):
    if c not in classifiers:
        problems.append(f"classifier missing: {c}")
if any(c.startswith("License ::") for c in classifiers):
    problems.append("a License :: classifier next to License-Expression (PEP 639 forbids both)")
urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
for label in ("Homepage", "Documentation", "Changelog", "Issues"):
    if label not in urls:
        problems.append(f"Project-URL {label} missing")
body = meta.get_payload()
if "arnewsparse" not in body or len(body) < 500:
    problems.append("long description missing or too short")
# Relative links and images in README.md do not work on PyPI.
for link in re.findall(r"\]\(([^)\s]+)\)", body):
    if not link.startswith(("http://", "https://", "#", "mailto:")):
        problems.append(f"README link {link!r} is relative: it breaks on PyPI")

with tarfile.open(sdist) as tf:
    snames = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
for needed in ["pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "src/arnewsparse/py.typed",
               *(f"src/arnewsparse/data/{n}" for n in data)]:
    if needed not in snames:
        problems.append(f"sdist lacks {needed}")

print(f"wheel: {len(names)} files, {len(data)} data files, py.typed; sdist: {len(snames)} files")
print(f"metadata: {meta['Name']} {meta['Version']}, {meta['License-Expression']}, "
      f"{len(classifiers)} classifiers, URLs: {', '.join(urls)}")
if problems:
    print("\n".join(f"PROBLEM: {p}" for p in problems), file=sys.stderr)
    sys.exit(1)
PY

echo "== install the wheel into a fresh venv"
"$python" -m venv "$work/venv"
venv_py="$work/venv/bin/python"
"$venv_py" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
if ! "$venv_py" -m pip install --quiet "$dist"/*.whl 2>"$work/pip.log"; then
  echo "installing the dependencies from PyPI failed (offline?); borrowing them from $python" >&2
  tail -3 "$work/pip.log" >&2
  "$venv_py" -m pip install --quiet --no-deps "$dist"/*.whl
  purelib=$("$python" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
  venv_purelib=$("$venv_py" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
  echo "$purelib" >"$venv_purelib/zz_borrowed_deps.pth"
fi

echo "== parse a seed article with the installed wheel"
seed="$root/examples/articles/004_31896b099c16ff1e.txt"
cd "$work"  # away from src/, so nothing but the installed copy can be imported
"$venv_py" - "$seed" "$work/venv" <<'PY'
import json
import sys
from pathlib import Path

import arnewsparse

seed, venv = Path(sys.argv[1]), Path(sys.argv[2]).resolve()
where = Path(arnewsparse.__file__).resolve()
assert venv in where.parents, f"arnewsparse imported from {where}, not from the fresh venv"
package = where.parent
assert (package / "py.typed").is_file()
assert (package / "data" / "reporting_verbs.json").is_file()

article = arnewsparse.parse(seed.read_text(encoding="utf-8"))
assert article.headline is not None and article.headline.text.startswith("بوتين وروحاني")
assert article.dateline is not None
assert (article.dateline.location, article.dateline.agency) == ("موسكو", "SANA"), article.dateline
assert len(article.paragraphs) > 10 and len(article.reports) > 10
assert arnewsparse.lookup_agency("واس").id == "SPA"
assert arnewsparse.Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
print(f"arnewsparse {arnewsparse.__version__} from {package}: "
      f"{len(article.paragraphs)} paragraphs, {len(article.reports)} reports, dateline {article.dateline.text}")
PY
"$work/venv/bin/arnewsparse" --version
"$work/venv/bin/arnewsparse" show "$seed" >"$work/show.txt"
head -3 "$work/show.txt"
echo "wheel: OK"
