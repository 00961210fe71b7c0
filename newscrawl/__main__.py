"""`python -m newscrawl COMMAND`: see newscrawl/cli.py."""

import sys

from newscrawl.cli import main

sys.exit(main())
