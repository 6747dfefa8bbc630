"""How the wheel becomes a PDF and a PNG: this project's way against the
ways that convert its SVG, on the example plan's wheel and Fredensborg's.

    python3 bench/renderers.py [--runs 5]

Each candidate runs in a process of its own, as a command would, and tells
how long its imports took and how long it took from its input to the file;
the best of ``--runs`` is shown, with the size of what it wrote and whether
a reader of the PDF (pypdf) finds every month and every body's name in it.

- **reportlab canvas** (aarshjul's): the placed picture drawn with
  reportlab's canvas (``aarshjul.wheel.printing.pdf_of``); its input is the
  picture, made before the clock starts.
- **pypdfium2 PNG** (aarshjul's): that PDF rendered by PDFium
  (``png_of``); its input is the PDF.
- **svglib + reportlab** and **fpdf2's SVG import**: the wheel's SVG
  converted; their input is the SVG file. They are not aarshjul's
  dependencies: install them beside it (``python3 -m pip install svglib
  fpdf2``, best in a virtual environment of its own) or they are reported as
  missing.

What the figures do not show is what came out, which docs/site.md tells
("How the PDF and the PNG are made"): look at the files the run leaves in
``--scratch``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parent.parent
PLANS = {"example": ROOT / "calendars" / "aarhus-msb-2025.toml",
         "Fredensborg": ROOT / "calendars" / "fredensborg-2017.toml"}
MONTHS = ("Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August",
          "September", "Oktober", "November", "December")

# Each candidate: a program that prints {"import": s, "render": s} as JSON,
# given its input file and its output file.
CLOCK = "import json, sys, time\nbegan = time.perf_counter()\n"
REPORT = ("print(json.dumps({'import': imported - began, "
          "'render': time.perf_counter() - imported - made}))\n")
CANDIDATES = {
    "reportlab canvas": (".pdf", CLOCK + """\
import pickle
from aarshjul.wheel.printing import pdf_of
imported = time.perf_counter()
with open(sys.argv[1], 'rb') as source:
    drawn = pickle.load(source)
made = time.perf_counter() - imported  # not the rendering's
open(sys.argv[2], 'wb').write(pdf_of(drawn))
""" + REPORT),
    "pypdfium2 PNG": (".png", CLOCK + """\
from aarshjul.wheel.printing import png_of
imported = time.perf_counter()
made = 0.0
pdf = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(png_of(pdf))
""" + REPORT),
    "svglib + reportlab": (".pdf", CLOCK + """\
from reportlab.graphics import renderPDF
from svglib.svglib import svg2rlg
imported = time.perf_counter()
made = 0.0
renderPDF.drawToFile(svg2rlg(sys.argv[1]), sys.argv[2])
""" + REPORT),
    "fpdf2 SVG import": (".pdf", CLOCK + """\
from fpdf import FPDF
from fpdf.svg import SVGObject
imported = time.perf_counter()
made = 0.0
pdf = FPDF(orientation='L', unit='pt', format='A3')
pdf.add_page()
SVGObject.from_file(sys.argv[1]).draw_to_page(pdf, x=0, y=0)
pdf.output(sys.argv[2])
""" + REPORT),
}


def inputs(name: str, plan_path: Path, folder: Path) -> dict[str, Path]:
    """The wheel of the plan as each candidate takes it: the placed picture
    (pickled), the SVG, and the PDF."""
    import pickle  # noqa: PLC0415 - the inputs' format, here only

    from aarshjul import load_plan  # noqa: PLC0415 - the package under test
    from aarshjul.cli.planned import planned  # noqa: PLC0415
    from aarshjul.wheel.drawing import svg_of, wheel_picture  # noqa: PLC0415
    from aarshjul.wheel.printing import pdf_of  # noqa: PLC0415

    plan = load_plan(plan_path)
    drawn = wheel_picture(plan, planned(plan))
    made = {"picture": folder / f"{name}.pickle", "svg": folder / f"{name}.svg",
            "pdf": folder / f"{name}.pdf"}
    made["picture"].write_bytes(pickle.dumps(drawn))
    made["svg"].write_text(svg_of(drawn, plan.language), encoding="utf-8")
    made["pdf"].write_bytes(pdf_of(drawn))
    return made


def run(program: str, source: Path, target: Path, runs: int) -> dict[str, float] | str:
    """The best of ``runs`` processes of the candidate, or why it failed."""
    best: dict[str, float] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", program, str(source), str(target)],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            return (done.stderr.strip().splitlines() or ["failed"])[-1][:90]
        figures = json.loads(done.stdout.splitlines()[-1])
        if not best or figures["render"] < best["render"]:
            best = figures
    return best


def readable(path: Path, names: list[str]) -> str:
    """Whether pypdf reads every month and every body's name from the PDF."""
    if path.suffix != ".pdf":
        return "–"
    text = pypdf.PdfReader(path).pages[0].extract_text()
    missing = [word for word in (*MONTHS, *names) if word not in text]
    return "all" if not missing else f"not: {', '.join(missing[:3])}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scratch", type=Path, default=None)
    options = parser.parse_args()
    folder = options.scratch or Path(tempfile.mkdtemp(prefix="aarshjul-renderers-"))
    folder.mkdir(parents=True, exist_ok=True)
    from aarshjul import load_plan  # noqa: PLC0415

    print(f"{'candidate':<20} {'plan':<12} {'import s':>9} {'render s':>9} {'bytes':>9}  "
          "months and names as text")
    for name, plan_path in PLANS.items():
        made = inputs(name, plan_path, folder)
        names = [body.name for body in load_plan(plan_path).bodies]
        for candidate, (suffix, program) in CANDIDATES.items():
            source = {"reportlab canvas": made["picture"], "pypdfium2 PNG": made["pdf"]}.get(
                candidate, made["svg"])
            target = folder / f"{name}-{candidate.split()[0]}{suffix}"
            result = run(program, source, target, options.runs)
            if isinstance(result, str):
                print(f"{candidate:<20} {name:<12} {'fails: ' + result}")
                continue
            print(f"{candidate:<20} {name:<12} {result['import']:>9.3f} {result['render']:>9.3f} "
                  f"{target.stat().st_size:>9,}  {readable(target, names)}")
    print(f"(best of {options.runs} processes each; the files are in {folder})")


if __name__ == "__main__":
    main()
