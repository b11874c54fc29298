"""The ``furikaeri`` command.

File commands (new, info, import, export, demo --create, agenda, cluster,
report...) run here without Qt.  Window commands (no command, ``open``,
``demo``, image exports) are found by name (``GUI_RUNNER``), never imported,
so the core never imports the Qt layer.  Bad input ends with one line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

from facilitator import i18n
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate

EXIT_USAGE = 2
GUI_EXPORT_FORMATS = ("png", "svg")
FILE_EXPORT_FORMATS = ("csv", "json", "md")



class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="furikaeri", description=translate("CLI", "Run a reflection workshop (振り返り) offline."))
    lang_help = translate("CLI", "language of messages, windows and minutes")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help=lang_help)
    # --lang after the command too (``furikaeri open F --lang en``): each command
    # takes it again; SUPPRESS keeps a command from resetting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                        help=lang_help)
    shot_help = translate("CLI", "render the window once it has loaded, save it as PNG and exit")
    # Its own dest: a subcommand's default would overwrite a shared one.
    p.add_argument("--screenshot", dest="start_screenshot", metavar="PNG", help=shot_help)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    add = functools.partial(sub.add_parser, parents=[common])

    s = add("new", help=translate("CLI", "create a workshop file"))
    s.add_argument("file")
    s.add_argument("--title", help=translate("CLI", "title of the workshop"))
    s.add_argument("--template", default="standard", help=translate("CLI", "agenda template (standard, blank or a .json file)"))
    s.add_argument("--from", dest="from_json", metavar="JSON", help=translate("CLI", "create from a JSON export instead"))

    s = add("info", help=translate("CLI", "print what a workshop holds, as one JSON object"))
    s.add_argument("file")

    s = add("import", help=translate("CLI", "add notes from a CSV, text or JSON file"))
    s.add_argument("file")
    s.add_argument("input")
    s.add_argument("--session", help=translate("CLI", "session title, number or id"))
    s.add_argument("--group", help=translate("CLI", "group name or id"))

    s = add("export", help=translate("CLI", "write the workshop as CSV, JSON, Markdown, PNG or SVG"))
    s.add_argument("file")
    s.add_argument("--format", required=True, choices=FILE_EXPORT_FORMATS + GUI_EXPORT_FORMATS)
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--frame", help=translate("CLI", "only this frame or board (PNG/SVG)"))
    s.add_argument("--dpi", type=int, default=150, help=translate("CLI", "resolution of a PNG"))

    s = add("agenda", help=translate("CLI", "print the agenda with planned and actual times"))
    s.add_argument("file")
    s.add_argument("--json", action="store_true", help=translate("CLI", "one JSON object instead of a table"))

    s = add("cluster", help=translate("CLI", "propose themes for the notes of a workshop or CSV file"))
    s.add_argument("input")
    s.add_argument("--k", type=int, help=translate("CLI", "number of themes (chosen automatically without it)"))
    s.add_argument("--json", action="store_true", help=translate("CLI", "one JSON object per note and line"))
    s.add_argument("--session", help=translate("CLI", "session title, number or id"))

    s = add("report", help=translate("CLI", "write the minutes (or the A3 poster) as PDF"))
    s.add_argument("file")
    s.add_argument("-o", "--output", required=True)
    s.add_argument("--paper", choices=("A4", "A3"), type=str.upper,
                   help=translate("CLI", "paper size (minutes: A4, poster: A3)"))
    s.add_argument("--landscape", action="store_true", help=translate("CLI", "landscape pages"))
    s.add_argument("--poster", action="store_true", help=translate("CLI", "one-page poster: the board pictures and the themes"))

    s = add("demo", help=translate("CLI", "open the demo workshop (the same copy each time, with your edits)"))
    s.add_argument("--fresh", action="store_true", help=translate("CLI", "start the demo again from the original (your edits to it are replaced)"))
    s.add_argument("--create", metavar="FILE", help=translate("CLI", "only write the demo workshop to FILE"))
    s.add_argument("--screenshot", metavar="PNG", help=shot_help)

    from facilitator.cli.serve import add_parser as add_serve
    add_serve(add)

    s = add("open", help=translate("CLI", "open a workshop in the app"))
    s.add_argument("file")
    s.add_argument("--screenshot", metavar="PNG", help=shot_help)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_peek_lang(argv))  # before the parser: its help is translated
    parser = build_parser()
    args = parser.parse_args(argv)
    i18n.set_language(args.lang)
    from facilitator.diagnostics import log, log_startup, setup_logging
    setup_logging()
    log_startup(f"command {args.command or '(start screen)'}")
    log.info("Command line: %s", argv)
    try:
        status = _dispatch(args, argv)
        sys.stdout.flush()  # here, so a closed pipe is caught below
        return status
    except FurikaeriError as exc:
        log.warning("Refused: %s", exc)  # str(): the English text, for whoever reads the log
        print(f"furikaeri: {exc.text()}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``furikaeri agenda F | head``): stop quietly as Unix
        # tools do; stdout goes to devnull so the interpreter's final flush stays silent.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # SIGPIPE
    except Exception:
        log.exception("Uncaught exception")
        raise


def _peek_lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return None


def _dispatch(args: argparse.Namespace, argv: list[str]) -> int:
    cmd = args.command
    if cmd is None or cmd == "open" or (cmd == "demo" and not args.create) or (
            cmd == "export" and args.format in GUI_EXPORT_FORMATS):
        return _run_gui(argv, args)
    if cmd == "new":
        return _cmd_new(args)
    if cmd == "info":
        return _cmd_info(args)
    if cmd == "import":
        return _cmd_import(args)
    if cmd == "export":
        return _cmd_export(args)
    if cmd == "demo":
        return _cmd_demo_create(args)
    if cmd == "agenda":
        from facilitator.agenda.plan_vs_actual import print_agenda
        return print_agenda(args.file, as_json=args.json)
    if cmd == "report":
        return _cmd_report(args)
    if cmd == "serve":
        from facilitator.cli.serve import run_serve
        return run_serve(args)
    if cmd == "cluster":
        from facilitator.cli.cluster import run_cluster
        return run_cluster(args.input, k=args.k, as_json=args.json, session=args.session)
    raise AssertionError(cmd)  # argparse allows no other command


def _cmd_new(args) -> int:
    from facilitator.workshop.workshop import Workshop
    if args.from_json:
        from facilitator.io.importers import records_from_json_file
        records = records_from_json_file(Path(args.from_json))
    else:
        from facilitator.agenda.templates import read_template, records_from_template
        records = records_from_template(read_template(args.template), title=args.title)
    with Workshop.create(_workshop_path(args.file, new=True), records) as ws:
        print(translate("CLI", "Created {path}").format(path=ws.path))
    return 0


def _cmd_info(args) -> int:
    from facilitator.workshop.model import Group, Note, Session, Theme
    from facilitator.workshop.workshop import Workshop
    with Workshop.open(args.file, readonly=True) as ws:
        counts = ws.summary_counts()
        info = {
            "title": ws.info.title, "date": ws.info.date, "venue": ws.info.venue,
            "sessions": ws.count(Session), "groups": ws.count(Group),
            "notes": ws.count(Note), "themes": ws.count(Theme),
            **{k: v for k, v in counts.items()
               if k not in ("sessions", "groups", "notes", "themes")},
            "schema_version": ws.store.schema_version(),
        }
    import json
    print(json.dumps(info, ensure_ascii=False))
    return 0


def _cmd_import(args) -> int:
    from facilitator.io.importers import import_file
    from facilitator.workshop.workshop import Workshop
    with Workshop.open(args.file) as ws:
        if ws.readonly:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{path} is open in another window or cannot be written; "
                "nothing was imported."), path=ws.path)
        result = import_file(ws, Path(args.input), session=args.session, group=args.group)
    print(result.summary())
    return 0


def _cmd_export(args) -> int:
    from facilitator.io.exporters import export_file
    from facilitator.workshop.workshop import Workshop
    with Workshop.open(args.file, readonly=True) as ws:
        export_file(ws, args.format, Path(args.output))
    print(translate("CLI", "Wrote {path}").format(path=args.output))
    return 0


def _cmd_report(args) -> int:
    from facilitator.minutes import Options, write_minutes, write_poster
    from facilitator.workshop.workshop import Workshop
    with Workshop.open(args.file, readonly=True) as ws:
        lang = args.lang
        if args.poster:  # a poster is landscape, A3 unless asked otherwise
            write_poster(ws, Path(args.output), Options(
                paper=args.paper or "A3", landscape=True, lang=lang))
        else:
            write_minutes(ws, Path(args.output), Options(
                paper=args.paper or "A4", landscape=args.landscape, lang=lang))
    print(translate("CLI", "Wrote {path}").format(path=args.output))
    return 0


def _cmd_demo_create(args) -> int:
    from facilitator.demo import create_demo
    with create_demo(_workshop_path(args.create, new=True)) as ws:
        print(translate("CLI", "Created {path}").format(path=ws.path))
    return 0


def _workshop_path(name: str, new: bool = False) -> Path:
    path = Path(name)
    if new and not path.suffix:
        path = path.with_suffix(".furikaeri")
    return path


#: The window commands' runner, named (never imported) so the core runs without Qt.
GUI_RUNNER = "ui.app:run"


def _run_gui(argv: list[str], args: argparse.Namespace | None = None) -> int:
    import pkgutil  # importlib.metadata's entry points would add ~25 ms to every start
    try:
        run = pkgutil.resolve_name(GUI_RUNNER)
    except ImportError:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The app window is not available here (PySide6 is not installed)."))
    return int(run(argv, args) or 0)
