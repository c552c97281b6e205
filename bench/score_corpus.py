"""Extract both corpus packs and score them with the scorer from ../shared/tools (copied into tests/fixtures).

    python bench/score_corpus.py [--verbose]

Needs no database: it runs the pure extraction directly.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.ingest.extract import extract  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SCORER = FIXTURES / "score_pack.py"  # a copy of ../shared/tools/score_pack.py


def main(argv):
    verbose = "--verbose" in argv
    for pdf in sorted(FIXTURES.glob("pack-*.pdf")):
        expected = pdf.with_suffix(".expected.json")
        result = extract(pdf)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
            json.dump(result, out)
        print(f"== {pdf.name}")
        args = [sys.executable, str(SCORER), out.name, str(expected)]
        if verbose:
            args.append("--verbose")
        subprocess.run(args, check=False)


if __name__ == "__main__":
    main(sys.argv)
