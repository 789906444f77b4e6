#!/usr/bin/env bash
# Build the documentation site in strict mode: any warning (a broken link, a
# missing API reference, a page left out of the nav) fails the build.
# Usage: .ci/docs.sh [SITE_DIR]   (default: site/, which .gitignore ignores)
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python}
if ! "$python" -c "import mkdocs, material, mkdocstrings, mkdocstrings_handlers.python" 2>/dev/null; then
  if grep -q '^docs *= *\[' pyproject.toml; then
    "$python" -m pip install --quiet -e ".[docs]"
  else
    "$python" -m pip install --quiet "mkdocs>=1.6,<2" "mkdocs-material>=9.5" "mkdocstrings[python]>=0.29"
  fi
fi

start=$(date +%s)
NO_MKDOCS_2_WARNING=1 "$python" -m mkdocs build --strict --clean --site-dir "${1:-site}"
echo "docs: built in $(($(date +%s) - start)) s"
