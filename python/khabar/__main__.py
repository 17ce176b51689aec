"""``python -m khabar``: the same as the ``khabar`` command."""

import sys

from .cli import main

sys.exit(main())
