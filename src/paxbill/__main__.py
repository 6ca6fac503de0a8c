"""Run the command line as ``python -m paxbill``."""

import sys

try:
    from paxbill.cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line loads
    print("paxbill: interrupted", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
