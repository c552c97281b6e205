"""Build the generated structure dev set (tests/fixtures/devset/structure.py), extract every pack
and score it with the scorer from ../shared/tools (copied into tests/fixtures).

    python bench/score_devset.py [--verbose] [NAME ...]

Prints each variant's part scores, then the lowest score of each part over all variants.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetings.ingest.extract import extract  # noqa: E402
from tests.fixtures.devset.structure import VARIANTS, build  # noqa: E402

SCORER = ROOT / "tests" / "fixtures" / "score_pack.py"


def score(actual: dict, expected_path: Path, verbose=False) -> tuple[dict[str, float], str]:
    """{part: score} and the scorer's printout for one extraction."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump(actual, out)
    args = [sys.executable, str(SCORER), out.name, str(expected_path)]
    if verbose:
        args.append("--verbose")
    printed = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    parts = {}
    for line in printed.splitlines():
        bits = line.split()
        if len(bits) >= 3 and "/" in bits[-2] and not line.startswith(" "):
            parts[" ".join(bits[:-2])] = float(bits[-1])
    return parts, printed


def main(argv):
    verbose = "--verbose" in argv
    names = [a for a in argv[1:] if not a.startswith("--")]
    lowest: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for variant in VARIANTS:
            if names and variant.name not in names:
                continue
            pdf, want = build(variant, Path(tmp))
            parts, printed = score(extract(pdf), want, verbose)
            print(f"== {variant.name}")
            print(printed.rstrip())
            for part, value in parts.items():
                lowest[part] = min(value, lowest.get(part, 1.0))
    print("== lowest per part:", ", ".join(f"{k} {v:.3f}" for k, v in lowest.items()))


if __name__ == "__main__":
    main(sys.argv)
