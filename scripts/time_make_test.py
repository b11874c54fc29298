"""``make test-time``: run ``make test`` and print how long it took as one JSON line.

The tests' own output goes to stderr, so stdout holds only ``{"make_test_s": N}``
(the figure issue 11 asks for beside ``make bench``'s).  The environment is
installed before the clock starts.  Exits with ``make test``'s status when it fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> int:
    make = os.environ.get("MAKE", "make")
    start = time.monotonic()
    run = subprocess.run([make, "--no-print-directory", "test"], stdout=sys.stderr)
    seconds = time.monotonic() - start
    if run.returncode:
        return run.returncode
    print(json.dumps({"make_test_s": round(seconds, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
