import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from observatory.ingest.errors import IngestError
from observatory.ingest.evaluation import evaluate
from observatory.ingest.extract import extract_fiches
from observatory.ingest.models import RunStatus
from observatory.ingest.readers import read_document
from observatory.ingest.services import ingest_file


class Command(BaseCommand):
    help = ("Ingest reports (.txt, .md, .pdf, .docx) into the review queue; with --evaluate, "
            "compare the extraction of one report with its ground truth instead (nothing is "
            "stored).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--evaluate", metavar="GROUND_TRUTH.json",
                            help="score the extraction against this ground truth "
                                 "(docs/ingest-ground-truth.md)")
        parser.add_argument("--json", action="store_true",
                            help="print the extracted fiches as JSON (with --evaluate)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["evaluate"]:
            self._evaluate(options["evaluate"], options["files"], options["json"])
            return
        failed = 0
        for name in options["files"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file")
            run = ingest_file(path.name, path.read_bytes())
            if run.status == RunStatus.FAILED:
                failed += 1
                self.stderr.write(f"{path.name}: {run.error}")
                continue
            self.stdout.write(f"{path.name}: run {run.pk}, {run.fiche_count} fiches in "
                              f"{run.seconds:.2f} s")
            for fiche in run.fiches.all():
                merge = " (same key as an existing programme)" if fiche.existing_programme_id \
                    else ""
                self.stdout.write(f"  {fiche.key or '?'}: {fiche.title}{merge} — "
                                  f"{fiche.fields.count()} values to review")
        if failed:
            raise CommandError(f"{failed} of {len(options['files'])} files could not be ingested")

    def _evaluate(self, truth_path: str, files: list[str], as_json: bool) -> None:
        if len(files) != 1:
            raise CommandError("--evaluate takes exactly one FILE")
        try:
            truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{truth_path}: cannot read the ground truth ({error})") from error
        path = Path(files[0])
        try:
            document = read_document(path.name, path.read_bytes())
        except OSError as error:
            raise CommandError(f"{path}: {error}") from error
        except IngestError as error:
            raise CommandError(f"{path.name}: {error.message}") from error
        fiches = [f.as_dict() for f in extract_fiches(document.text)]
        if as_json:
            self.stdout.write(json.dumps(fiches, ensure_ascii=False, indent=2))
        result = evaluate(truth, fiches)
        self.stdout.write(f"{path.name}: {len(fiches)} fiches extracted, "
                          f"{len(truth.get('fiches', []))} in the ground truth")
        self.stdout.write(result.report())
