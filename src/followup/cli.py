"""The `followup` command line: parses options, calls one library function, prints.

Exit codes: 0 ok, 1 data or runtime error, 2 usage error, 130 interrupted (Ctrl-C).
Heavy modules (python-docx, questionary, rich) are imported inside the commands that use
them, so `followup --help` starts fast.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import click

from followup import __version__
from followup.errors import EXIT_DATA, EXIT_USAGE, FollowupError


class JapaneseHelpFormatter(click.HelpFormatter):
    """click's help with its headings in Japanese (the text of each command already is)."""

    HEADINGS: ClassVar[dict[str, str]] = {
        "Options": "オプション",
        "Commands": "コマンド",
        "Arguments": "引数",
    }

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(
            prog, args.replace("[OPTIONS]", "[オプション]").replace("COMMAND", "コマンド"), "使い方: "
        )

    def section(self, name: str) -> Any:
        return super().section(self.HEADINGS.get(name, name))


class JapaneseContext(click.Context):
    formatter_class = JapaneseHelpFormatter


def _japanese_help(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = "この説明を表示して終わります。"
    return option


class FollowupCommand(click.Command):
    """A command whose help reads in Japanese."""

    context_class = JapaneseContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _japanese_help(super().get_help_option(ctx))


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
EXIT_INTERRUPTED = 130


class DateParam(click.ParamType):
    """A date as 2016-10-13, 平成28年10月13日 or 令和8年11月26日."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from followup.dates import find_dates

        found = find_dates(str(value))
        if len(found) != 1:
            self.fail(f"日付として読めません: {value}(例: 2016-10-13、平成28年10月13日)", param, ctx)
        return found[0].date


DATE = DateParam()
RECORD_ARG = click.argument("record", required=False, type=click.Path(dir_okay=False, path_type=Path))


def output_option(help_text: str) -> Any:
    return click.option(
        "--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path), help=help_text
    )


# -- usage errors: click's English replaced by one line of Japanese naming `-h` --------

_PATH_PROBLEMS = {
    "does not exist": "がありません",
    "is a directory": "はフォルダです(ファイルを指定してください)",
    "is a file": "はファイルです(フォルダを指定してください)",
    "is not readable": "を読めません",
    "is not writable": "に書き込めません",
    "is not executable": "を実行できません",
}


def param_label(param: click.Parameter | None) -> str:
    """How the organizer typed it: 「--output(-o)」 for an option, 「RECORD」 for an argument."""
    if param is None:
        return ""
    if isinstance(param, click.Option):
        longs = [o for o in param.opts if o.startswith("--")]
        shorts = [o for o in param.opts if not o.startswith("--")]
        if longs and shorts:
            return f"{longs[0]}({shorts[0]})"
        return (longs or shorts)[0]
    return (param.human_readable_name or "").upper()


def _first_quoted(message: str) -> str:
    """The value click quoted in its message ('xml', "a'b"), without the quotes."""
    match = re.search(r"""(['"])(.*?)\1""", message)
    return match.group(2) if match else ""


def _maybe(possibilities: list[str] | None) -> str:
    return f"(もしかして {'、'.join(sorted(possibilities))}?)" if possibilities else ""


def _bad_value(exc: click.BadParameter) -> str:
    """A value of the wrong kind, said for the kind of value the option takes."""
    name, kind, message = param_label(exc.param), exc.param.type if exc.param else None, exc.message
    if not message.isascii():  # our own types fail in Japanese already
        return f"{name}: {message}" if name else message
    if isinstance(kind, click.Choice):
        choices = "、".join(str(c) for c in kind.choices)
        return f"{name} には {choices} のどれかを指定してください(指定: {_first_quoted(message)})"
    given = (
        message.split(" is not in the range")[0]
        if " is not in the range" in message
        else _first_quoted(message)
    )
    if isinstance(kind, click.IntRange):
        low = "" if kind.min is None else str(kind.min)
        high = "" if kind.max is None else str(kind.max)
        return f"{name} には {low}〜{high} の整数を指定してください(指定: {given})"
    if isinstance(kind, click.types.IntParamType):
        return f"{name} には整数を指定してください(指定: {given})"
    for english, japanese in _PATH_PROBLEMS.items():
        if english in message:
            return f"{name}: {_first_quoted(message)} {japanese}"
    return f"{name} の値が使えません"


def _missing(exc: click.MissingParameter) -> str:
    return f"{param_label(exc.param)} を指定してください"


def _no_such_option(exc: click.NoSuchOption) -> str:
    return f"{exc.option_name} というオプションはありません{_maybe(exc.possibilities)}"


def _no_such_command(exc: click.exceptions.NoSuchCommand) -> str:
    commands = "、".join(cli.list_commands(exc.ctx)) if exc.ctx else ""
    return f"{exc.command_name} というコマンドはありません{_maybe(exc.possibilities)}。コマンド: {commands}"


def _option_usage(exc: click.BadOptionUsage) -> str:
    if "requires an argument" in exc.message:
        return f"{exc.option_name} には値が必要です"
    if "does not take a value" in exc.message:
        return f"{exc.option_name} は値をとりません(付けるだけで働きます)"
    return f"{exc.option_name} の使い方が違います"


def _other_usage(exc: click.UsageError) -> str:
    message = exc.message
    if not message.isascii():  # raised by followup itself, already in Japanese
        return message
    if message.startswith("Got unexpected extra argument"):
        extra = message[message.find("(") + 1 : message.rfind(")")]
        return f"余分な引数があります: {extra}"
    if message.startswith("Missing command"):
        return f"コマンドを指定してください。コマンド: {'、'.join(cli.list_commands(exc.ctx)) if exc.ctx else ''}"
    return "コマンドの使い方が違います"


# Most specific first: MissingParameter is a BadParameter, and every one a UsageError.
_USAGE_MESSAGES: list[tuple[type[click.UsageError], Any]] = [
    (click.MissingParameter, _missing),
    (click.BadParameter, _bad_value),
    (click.NoSuchOption, _no_such_option),
    (click.exceptions.NoSuchCommand, _no_such_command),
    (click.BadOptionUsage, _option_usage),
    (click.UsageError, _other_usage),
]


def usage_error_line(exc: click.UsageError) -> str:
    """「エラー: --output(-o) を指定してください。使い方: followup import -h」: one line."""
    message = next(explain(exc) for kind, explain in _USAGE_MESSAGES if isinstance(exc, kind))
    return usage_line(message, exc.ctx)


def usage_line(message: str, ctx: click.Context | None) -> str:
    """The one line of a usage error, ending with the help to read."""
    command = ctx.command_path if ctx else "followup"
    if ctx is not None and ctx.parent is None and ctx.invoked_subcommand:
        command += f" {ctx.invoked_subcommand}"  # failed while parsing the command's options
    return f"エラー: {' '.join(message.split()).rstrip('。')}。使い方: {command} -h"


class FollowupGroup(click.Group):
    """Turns every FollowupError into one Japanese line on stderr and its exit code, and
    every usage error (missing option, unknown command, bad value …) into one Japanese line
    naming the command's -h, with exit code 2: click's English text is never shown."""

    context_class = JapaneseContext
    command_class = FollowupCommand

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _japanese_help(super().get_help_option(ctx))

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # `followup` alone: the help
            click.echo(exc.ctx.get_help())
            code = 0
        except click.UsageError as exc:
            click.echo(usage_error_line(exc), err=True)
            code = EXIT_USAGE
        except click.ClickException as exc:
            click.echo(f"エラー: {exc.format_message()}", err=True)
            code = exc.exit_code
        except click.exceptions.Abort:
            click.echo("中断しました。", err=True)
            code = EXIT_INTERRUPTED
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except FollowupError as exc:
            if debug:
                traceback.print_exc()
            usage = exc.exit_code == EXIT_USAGE
            click.echo(usage_line(exc.message, ctx) if usage else f"エラー: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except click.UsageError as exc:
            exc.ctx = exc.ctx or ctx  # the parser leaves some without one: name the command
            raise
        except (KeyboardInterrupt, EOFError):
            click.echo("\n中断しました(確定した判断は保存済みです)。", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader (e.g. `| head`) went away: not an error worth a message.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:
            if debug:
                traceback.print_exc()
            click.echo(
                f"エラー: 予期しない問題が起きました({type(exc).__name__}: {exc})。"
                "--debug を付けて実行すると詳細を表示します。",
                err=True,
            )
            ctx.exit(EXIT_DATA)


@click.group(name="followup", cls=FollowupGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(
    __version__,
    "--version",
    prog_name="followup",
    message="%(prog)s %(version)s",
    help="版を表示して終わります。",
)
@click.option("--debug", is_flag=True, help="エラーの詳細(トレースバック)を表示します。")
def cli(debug: bool) -> None:
    """行政機関の回答書を質問ごとに点検し、再質問書(Word)を作ります。

    \b
    例:
      followup show                       J-LIS の例を表示
      followup triage --only-flagged      はぐらかし回答の一覧
      followup review                     一件ずつ確認して再質問を決める
      followup draft --accept-suggestions -o 再質問書.docx
    """


LEXICON_OPTION = click.option(
    "--lexicon",
    type=click.Path(dir_okay=False, path_type=Path),
    help="追加の語句辞書(YAML)。判定するすべてのコマンドで使えます。",
)


def resolve_record(record: Path | None) -> Path:
    from followup.paths import default_record

    return record if record is not None else default_record()


@cli.command("import", context_settings=CONTEXT_SETTINGS)
@click.option(
    "--questions", "-q", type=click.Path(dir_okay=False, path_type=Path), help="質問書(.txt または .docx)"
)
@click.option(
    "--reply", "-r", type=click.Path(dir_okay=False, path_type=Path), help="回答書(.txt または .docx)"
)
@click.option(
    "--record",
    "into",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="回答を取り込む、送付済みの再質問の記録ファイル(2回目以降)",
)
@output_option("作る記録ファイル(.yaml)")
@click.option("--force", is_flag=True, help="既存の記録ファイルを上書きします。")
@click.option("--asked-date", type=DATE, help="質問の日付(文書に無いとき)")
@click.option("--answered-date", type=DATE, help="回答の日付(文書に無いとき)")
@click.option("--encoding", help="テキストの文字コード(自動判別できないとき。例: cp932、euc-jp、utf-16)")
@click.option("--ocr", is_flag=True, help="文字情報のない(スキャンした)PDF を ocrmypdf で読み取ります。")
def import_command(
    questions: Path | None,
    reply: Path | None,
    into: Path | None,
    output: Path,
    force: bool,
    asked_date: dt.date | None,
    answered_date: dt.date | None,
    encoding: str | None,
    ocr: bool,
) -> None:
    """質問書と回答書(.txt .docx .pdf .html)から記録ファイル(answers/*.yaml)を作ります。

    \b
    例:
      followup import -q 質問書.txt -r 回答書.txt -o answers/kaito.yaml
      followup import -r 答弁書.docx -o answers/toben.yaml
      followup import --record 再質問書.r2.yaml -r 再回答.txt -o 第2回.yaml
    """
    from followup.errors import UsageProblem
    from followup.importer import import_exchange
    from followup.outputs import refuse_clashes, refuse_existing
    from followup.records import save_record

    if questions is None and reply is None:
        raise UsageProblem("--questions(質問書)か --reply(回答書)を指定してください。")
    refuse_clashes([p for p in (questions, reply, into) if p is not None], [output])
    refuse_existing(output, force)  # before the slow part, so a mistake costs nothing
    if into is not None:
        from followup.importer import import_reply_into
        from followup.records import load_record
        from followup.rounds import relink

        if questions is not None or reply is None:
            raise UsageProblem(
                "--record には --reply(回答書)だけを指定してください(質問は記録ファイルにあります)。"
            )
        record, summary = import_reply_into(
            load_record(into), reply, answered_date=answered_date, encoding=encoding, ocr=ocr
        )
        record = relink(record, into, output)
    else:
        record, summary = import_exchange(
            questions, reply, asked_date=asked_date, answered_date=answered_date, encoding=encoding, ocr=ocr
        )
    save_record(record, output, force=force)
    for line in summary.lines():
        click.echo(line)
    click.echo(f"保存しました: {output}")


@cli.command("show", context_settings=CONTEXT_SETTINGS)
@RECORD_ARG
@click.argument("ref", required=False)
@LEXICON_OPTION
def show_command(record: Path | None, ref: str | None, lexicon: Path | None) -> None:
    """記録ファイルの中身(質問と回答の要約、まとめて回答された項目)を表示します。

    REF を付けると、その項目を省略せずに表示します: 質問、回答書での引用、回答を節ごとに
    (回答・復唱・拒否・先送り・転嫁・無関係・定型)色分けしたもの、判定・きっかけ・理由、
    小問ごとの回答、前の回の回答。NO_COLOR のときやパイプの先では【回答】などの印を付けます。
    RECORD を省くと、同梱の J-LIS の例(answers/jlis-2016.yaml)を表示します。

    \b
    例:
      followup show answers/kaito.yaml
      followup show answers/jlis-2016.yaml '[1](5)2)'
    """
    from followup.display import terminal_columns, use_color

    columns = terminal_columns()
    if ref is not None:
        from followup.case import open_case
        from followup.show import render_item

        case = open_case(resolve_record(record), lexicon=lexicon)
        for line in render_item(case, ref, columns=columns, color=use_color()):
            click.echo(line)
        return
    from followup.records import load_record
    from followup.show import render_record

    loaded = load_record(resolve_record(record))
    for line in render_record(loaded, columns=columns):
        click.echo(line)


@cli.command("triage", context_settings=CONTEXT_SETTINGS)
@RECORD_ARG
@click.option("--only-flagged", is_flag=True, help="「回答あり」以外だけを表示します。")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="出力の形式",
)
@LEXICON_OPTION
@click.option(
    "--pairs", type=click.Path(dir_okay=False, path_type=Path), help="質問と回答の組(JSONL)を判定します。"
)
def triage_command(
    record: Path | None, only_flagged: bool, fmt: str, lexicon: Path | None, pairs: Path | None
) -> None:
    """回答を一つずつ判定し、はぐらかしの種類ときっかけの語句・理由を示します。

    判定: LABELS_HELP

    \b
    例:
      followup triage --only-flagged
      followup triage answers/kaito.yaml --format csv > 判定.csv
      followup triage --pairs pairs.jsonl --format jsonl
    """
    from followup.case import open_case, resolve_lexicon
    from followup.display import terminal_columns, use_color
    from followup.triage.report import as_csv, as_json, as_jsonl, print_table
    from followup.triage.service import pairs_as_jsonl, triage_pairs

    if pairs is not None:
        if record is not None:
            raise click.UsageError("RECORD と --pairs は同時に指定できません。")
        judged = triage_pairs(pairs, resolve_lexicon(lexicon))
        if only_flagged:
            judged = [p for p in judged if p.verdict.label != "answered"]
        if fmt == "jsonl":
            click.echo(pairs_as_jsonl(judged), nl=False)
            return
        rows = [(p.verdict, p.item) for p in judged]
    else:
        rows = open_case(resolve_record(record), lexicon=lexicon).rows()
    if only_flagged:
        rows = [(v, i) for v, i in rows if v.label != "answered"]
    if fmt == "table":
        print_table(list(rows), color=use_color(), width=terminal_columns())
    else:
        click.echo({"json": as_json, "jsonl": as_jsonl, "csv": as_csv}[fmt](rows), nl=False)


@cli.command("review", context_settings=CONTEXT_SETTINGS)
@RECORD_ARG
@click.option("--all", "include_all", is_flag=True, help="「回答あり」の項目も含めて確認します。")
@click.option("--restart", is_flag=True, help="前回の判断を消して最初から(確認のうえ、控えを残します)。")
@click.option(
    "--session",
    "session_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="判断を保存するファイル",
)
@click.option("--non-interactive", is_flag=True, help="質問せずに実行します(--accept-suggestions と一緒に)。")
@click.option("--accept-suggestions", is_flag=True, help="未決定の項目すべてに最初の文案を採用します。")
@click.option(
    "--templates", type=click.Path(file_okay=False, path_type=Path), help="自分のテンプレートのフォルダ"
)
@LEXICON_OPTION
def review_command(
    record: Path | None,
    include_all: bool,
    restart: bool,
    session_file: Path | None,
    non_interactive: bool,
    accept_suggestions: bool,
    templates: Path | None,
    lexicon: Path | None,
) -> None:
    """はぐらかされた回答を一件ずつ確認し、再質問の文案を選びます(判断は都度保存)。

    判断は記録ファイルの横の NAME.session.yaml に保存され、中断しても次回は続きから
    再開します(同梱の J-LIS の例では、いまいるフォルダに保存します)。

    \b
    例:
      followup review answers/kaito.yaml
      followup review --restart
      followup review --non-interactive --accept-suggestions
    """
    from followup.display import terminal_columns, terminal_rows, use_color
    from followup.errors import UsageProblem
    from followup.review.walk import View, run_review

    interactive = not non_interactive
    if non_interactive and not accept_suggestions:
        raise UsageProblem(
            "--non-interactive には --accept-suggestions が必要です(または draft --decisions FILE)。"
        )
    if interactive and accept_suggestions:
        interactive = False
    if interactive and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageProblem(
            "端末(ターミナル)から実行してください。スクリプトからは "
            "followup review --non-interactive --accept-suggestions か、"
            "followup draft --decisions FILE を使えます。"
        )
    view = View(columns=terminal_columns(), rows=terminal_rows(), color=use_color())
    run_review(
        resolve_record(record),
        include_all=include_all,
        restart=restart,
        accept_suggestions=accept_suggestions,
        interactive=interactive,
        templates=templates,
        session_file=session_file,
        lexicon=lexicon,
        view=view,
        echo=click.echo,
    )


@cli.command("draft", context_settings=CONTEXT_SETTINGS)
@RECORD_ARG
@output_option("作る文書(.docx / .md)")
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), help="判断の記録ファイル(YAML)")
@click.option(
    "--accept-suggestions", is_flag=True, help="判断していない項目に、最初の文案をそのまま使います。"
)
@click.option("--only-decided", is_flag=True, help="判断した項目だけで作ります(未判断の項目は入れません)。")
@click.option("--date", "date_", type=DATE, help="文書の日付(既定: 今日)")
@click.option("--deadline", type=DATE, help="回答期限の日付")
@click.option("--deadline-days", type=click.IntRange(1, 365), help="回答期限(今日から数えた開庁日数)")
@click.option("--format", "fmt", type=click.Choice(["docx", "md"]), default="docx", show_default=True)
@click.option("--font", help="明朝体のフォント名(既定: IPAex明朝)")
@click.option(
    "--citations",
    type=click.Choice(["plain", "footnotes"]),
    default="plain",
    show_default=True,
    help="出典の示し方: plain は略称と番号だけ(実際の再質問書と同じ)、footnotes は脚注に全文",
)
@click.option("--appendix", is_flag=True, help="「前回回答の状況」の表を別紙として付けます。")
@click.option(
    "--era",
    type=click.Choice(["auto", "seireki", "wareki"]),
    default="auto",
    show_default=True,
    help="日付の書き方: auto は前回の質問書に合わせる、seireki は西暦、wareki は和暦",
)
@click.option("--meeting", is_flag=True, help="回答を受けての面談をお願いする一文を入れます。")
@click.option("--publish", is_flag=True, help="回答を公表する予定である旨の一文を入れます。")
@click.option(
    "--templates", type=click.Path(file_okay=False, path_type=Path), help="自分のテンプレートのフォルダ"
)
@click.option(
    "--reference-docx",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="書式を借りる Word 文書",
)
@click.option(
    "--numbering",
    type=click.Choice(["original", "formal"]),
    default="original",
    show_default=True,
    help="番号の付け方: original は質問書と同じ([1]/(1) など)、formal は 第1/1",
)
@click.option(
    "--next-record",
    type=click.Path(dir_okay=False, path_type=Path),
    help="次の回のやりとりの記録ファイル(既定: 出力と同じ名前の .yaml)",
)
@click.option("--no-next-record", is_flag=True, help="次の回の記録ファイルを作りません。")
@click.option("--pdf", is_flag=True, help="LibreOffice で PDF も作ります。")
@LEXICON_OPTION
@click.option("--force", is_flag=True, help="既存の出力(文書・次の回の記録・PDF)を上書きします。")
def draft_command(
    record: Path | None,
    output: Path,
    decisions: Path | None,
    accept_suggestions: bool,
    only_decided: bool,
    date_: dt.date | None,
    deadline: dt.date | None,
    deadline_days: int | None,
    fmt: str,
    font: str | None,
    citations: str,
    appendix: bool,
    era: str,
    meeting: bool,
    publish: bool,
    templates: Path | None,
    reference_docx: Path | None,
    numbering: str,
    next_record: Path | None,
    no_next_record: bool,
    pdf: bool,
    lexicon: Path | None,
    force: bool,
) -> None:
    """再質問書(Word 文書)を作ります。前回の回答を引用し、略称と番号で出典を示します。

    判断していない項目があると作りません: followup review で判断するか、
    --accept-suggestions か --only-decided を指定してください。

    \b
    例:
      followup draft --accept-suggestions -o 再質問書.docx
      followup draft answers/kaito.yaml --decisions 判断.yaml -o 再質問書.docx --deadline-days 10
      followup draft --accept-suggestions --format md -o 下書き.md
    """
    from followup.draft.service import DraftOptions, DraftRequest, run_draft

    options = DraftOptions(
        date=date_ or dt.date.today(),
        deadline=deadline,
        deadline_days=deadline_days,
        fmt=fmt,  # type: ignore[arg-type]
        font=font,
        citations=citations,  # type: ignore[arg-type]
        appendix=appendix,
        reference=reference_docx,
        numbering=numbering,
        era=era,  # type: ignore[arg-type]
        meeting=meeting,
        publish=publish,
    )
    report = run_draft(
        DraftRequest(
            record=resolve_record(record),
            output=output,
            options=options,
            decisions=decisions,
            accept_suggestions=accept_suggestions,
            only_decided=only_decided,
            templates=templates,
            lexicon=lexicon,
            next_record=next_record,
            no_next_record=no_next_record,
            pdf=pdf,
            force=force,
        )
    )
    for note in report.notes:
        click.echo(f"注意: 書式を借りる文書から取り除きました: {note}", err=True)
    if report.left_out:
        click.echo(
            f"注意: 判断していない {len(report.left_out)} 件は入れていません: {'、'.join(report.left_out)}",
            err=True,
        )
    if report.filled and report.reviewed:
        click.echo(f"判断していない {len(report.filled)} 件には最初の文案を使いました。", err=True)
    for warning in report.warnings:
        click.echo(warning, err=True)
    for path in report.written:
        click.echo(f"作成しました: {path}")
    if report.next_record is not None:
        click.echo("次の回の記録ファイルには、回答が届いたら followup import --record で取り込めます。")


@cli.command("status", context_settings=CONTEXT_SETTINGS)
@click.argument("thread", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--open", "only_open", is_flag=True, help="まだ答えの得られていない項目だけを表示します。")
@click.option(
    "--min-rounds",
    type=click.IntRange(1, 99),
    default=1,
    show_default=True,
    help="この回数以上やりとりした項目だけを表示します。",
)
@click.option("--today", type=DATE, help="期限超過を数える基準日(既定: 今日)")
@LEXICON_OPTION
def status_command(
    thread: Path | None, only_open: bool, min_rounds: int, today: dt.date | None, lexicon: Path | None
) -> None:
    """やりとりの経過: 元の質問ごとに、各回の判定・日付・回答の要旨と、期限超過を表示します。

    THREAD は最新の回の記録ファイル(前の回へは previous でたどります)。省くと同梱の
    J-LIS の例(2回目の再質問まで)を表示します。

    \b
    例:
      followup status
      followup status answers/kaito-r2.yaml --open --min-rounds 2
    """
    from followup.case import open_case
    from followup.display import terminal_columns
    from followup.paths import default_thread
    from followup.status import build_status, render_status

    case = open_case(thread or default_thread(), lexicon=lexicon)
    status = build_status(case, today or dt.date.today())
    for line in render_status(status, terminal_columns(), only_open, min_rounds):
        click.echo(line)


def main() -> None:
    cli.main(prog_name="followup")


# The labels' help text comes from their one definition.
if triage_command.help:
    from followup.labels import labels_help

    triage_command.help = triage_command.help.replace("LABELS_HELP", labels_help())


if __name__ == "__main__":  # pragma: no cover
    main()


@cli.command("report", context_settings=CONTEXT_SETTINGS)
@RECORD_ARG
@output_option("作るページ(.html / .md)")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md"]),
    help="出力の形式(既定: 出力の拡張子が .md なら md、ほかは html)",
)
@click.option("--only-flagged", is_flag=True, help="「回答あり」以外の項目だけを載せます(まとめは全件)。")
@click.option(
    "--no-labels", is_flag=True, help="判定・色分け・まとめを付けず、質問と回答の本文だけを載せます。"
)
@click.option("--title", help="ページの表題(既定: 「質問書の表題」への回答状況)")
@LEXICON_OPTION
@click.option("--force", is_flag=True, help="既存のファイルを上書きします。")
def report_command(
    record: Path | None,
    output: Path,
    fmt: str | None,
    only_flagged: bool,
    no_labels: bool,
    title: str | None,
    lexicon: Path | None,
    force: bool,
) -> None:
    """公開用のページ(HTML 1 ファイル、または Markdown)を作ります。

    質問と回答を順に、回答を節ごとに色分けして(回答・復唱・拒否・先送り・転嫁・無関係・定型)
    載せ、判定の件数のグラフと、前の回からの経過を付けます。HTML はスクリプトも外部の
    フォント・画像も使わない 1 ファイルで、そのまま印刷(A4)やスマートフォンで読めます。

    \b
    例:
      followup report -o 回答状況.html
      followup report answers/kaito.yaml --only-flagged -o 未回答.html
      followup report --format md --no-labels -o 回答.md
    """
    from followup.report import ReportOptions
    from followup.report.service import ReportRequest, run_report

    options = ReportOptions(title=title, only_flagged=only_flagged, labels=not no_labels)
    written = run_report(
        ReportRequest(
            record=resolve_record(record),
            output=output,
            options=options,
            fmt=fmt,  # type: ignore[arg-type]
            lexicon=lexicon,
            force=force,
        )
    )
    click.echo(f"作成しました: {written}")
