"""``observatory iati export|import|validate``: IATI 2.03 files from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from lxml import etree

from observatory.iati import export, importer, validator
from observatory.iati.reference import ReferenceMissing
from observatory.registry.models import Organisation, Programme
from observatory.registry.selectors import ProgrammeFilters, filter_programmes


class Command(BaseCommand):
    help = "Write programmes as an IATI 2.03 activity file, read a publisher's file, or check one."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        out = actions.add_parser("export", help="write programmes as iati-activities 2.03")
        out.add_argument("--programme", action="append", default=[], metavar="KEY",
                         help="a programme key (repeat for several)")
        out.add_argument("--organisation", metavar="SLUG",
                         help="the programmes an organisation implements, funds or is part of")
        out.add_argument("--all", action="store_true", help="every programme")
        out.add_argument("--include-unpublished", action="store_true",
                         help="also programmes not published in the observatory")
        out.add_argument("-o", "--output", required=True, metavar="FILE")
        out.add_argument("--check", action="store_true",
                         help="validate the file written (schema and IATI rules)")
        read = actions.add_parser("import", help="read an IATI 2.01-2.03 activity file")
        read.add_argument("file", metavar="FILE")
        read.add_argument("--publish", action="store_true",
                          help="publish the programmes it creates (default: unpublished)")
        check = actions.add_parser("validate", help="check a file against the 2.03 schema and "
                                                    "the IATI rules")
        check.add_argument("file", metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _programmes(self, options: dict[str, Any]) -> Any:
        chosen = [bool(options["programme"]), bool(options["organisation"]), options["all"]]
        if sum(chosen) != 1:
            raise CommandError("choose one of --programme, --organisation or --all")
        base = Programme.objects.all()
        if not options["include_unpublished"]:
            base = base.filter(published=True)
        if options["programme"]:
            found = base.filter(key__in=options["programme"])
            missing = set(options["programme"]) - set(found.values_list("key", flat=True))
            if missing:
                raise CommandError(f"no such programme: {', '.join(sorted(missing))}")
            return export.for_export(found)
        if options["organisation"]:
            if not Organisation.objects.filter(slug=options["organisation"]).exists():
                raise CommandError(f"no organisation with the slug {options['organisation']}")
            ids = filter_programmes(base, ProgrammeFilters(
                organisation=options["organisation"])).values("pk")
            return export.for_export(Programme.objects.filter(pk__in=ids))
        return export.for_export(base)

    def _export(self, options: dict[str, Any]) -> None:
        programmes = self._programmes(options)
        path = Path(options["output"])
        with path.open("wb") as out:
            report = export.write(programmes.iterator(chunk_size=100), out)
        for line in report.lines():
            self.stdout.write(line)
        if not report.exported:
            path.unlink(missing_ok=True)
            raise CommandError("no programme could be exported; no file written")
        self.stdout.write(f"written: {path}")
        if options["check"]:
            self._report_validation(path)

    def _import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            report = importer.import_file(path, publish=options["publish"])
        except importer.Refused as refused:
            raise CommandError(f"{path.name}: {refused}") from refused
        for line in report.lines():
            self.stdout.write(line)
        if report.error:
            raise CommandError(report.error)

    def _validate(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        self._report_validation(path)

    def _report_validation(self, path: Path) -> None:
        try:
            result = validator.validate(path.read_bytes())
        except ReferenceMissing as missing:
            raise CommandError(str(missing)) from missing
        except etree.XMLSyntaxError as error:
            raise CommandError(f"{path.name}: not well-formed XML ({error})") from error
        for line in result.schema:
            self.stdout.write(f"schema: {line}")
        for finding in result.findings:
            self.stdout.write(str(finding))
        self.stdout.write(f"{path.name}: {len(result.schema)} schema errors, "
                          f"{len(result.errors)} rule errors, "
                          f"{len(result.findings) - len(result.errors)} warnings")
        if not result.valid:
            raise CommandError(f"{path.name} is not valid IATI 2.03")
