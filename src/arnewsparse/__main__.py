"""``python -m arnewsparse``: the same command line as the ``arnewsparse`` console script."""

import sys

from arnewsparse.cli import main

if __name__ == "__main__":
    sys.exit(main())
