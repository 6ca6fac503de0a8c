"""Ask ICU, through Node's ``Intl``, by running a JavaScript probe."""

from __future__ import annotations

import json
import subprocess
from typing import Any


def ask_icu(probe: str, request: object) -> Any:
    """Run *probe* with ``node``, *request* as JSON on its input; its JSON answer.

    The probe reads the request from standard input and prints one JSON
    document, which carries ``process.versions.icu`` and ``.cldr``.
    """
    answer = subprocess.run(
        ["node", "-e", probe],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(answer.stdout)
