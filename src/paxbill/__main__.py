"""Run the command line as ``python -m paxbill``."""

from paxbill.cli import main

raise SystemExit(main())
