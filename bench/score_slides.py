"""Build the generated slide decks (tests/fixtures/devset/slides.py), extract them and score them
with the corpus scorer (tests/fixtures/score_pack.py), beside bench/score_corpus.py.

    python bench/score_slides.py [--verbose]

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
from tests.fixtures.devset import slides  # noqa: E402

SCORER = ROOT / "tests" / "fixtures" / "score_pack.py"


def main(argv):
    with tempfile.TemporaryDirectory() as folder:
        for pdf, expected in slides.build(Path(folder)):
            actual = Path(folder) / f"{pdf.stem}.actual.json"
            actual.write_text(json.dumps(extract(pdf)))
            print(f"== {pdf.name}")
            args = [sys.executable, str(SCORER), str(actual), str(expected)]
            subprocess.run(args + (["--verbose"] if "--verbose" in argv else []), check=False)


if __name__ == "__main__":
    main(sys.argv)
