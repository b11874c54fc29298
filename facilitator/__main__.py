"""``python -m facilitator``: the same as the ``furikaeri`` command."""

import sys

from facilitator.cli import main

sys.exit(main())
