"""Refresh docs/img/widget.png: the widget on a demo page, in real Chromium.

    .venv/bin/python docs/screenshot.py

Runs the browser test that takes the picture, with PALABRE_SCREENSHOT=1 so it lands in docs/img."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    env = {**os.environ, "PALABRE_SCREENSHOT": "1"}
    test = "tests/browser/test_screenshot.py"
    sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", test], cwd=ROOT, env=env))
