"""The map's JavaScript that decides what a reader sees, unit-tested in node (tests/js/*.test.js)."""

import shutil
import subprocess
from pathlib import Path

JS_TESTS = Path(__file__).parent / "js"


def test_the_maps_javascript_units_pass_in_node():
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is missing: `make test` installs Debian's nodejs"
    tests = sorted(str(p) for p in JS_TESTS.glob("*.test.js"))
    assert tests
    run = subprocess.run([node, "--test", *tests], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
