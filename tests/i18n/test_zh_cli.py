"""The command line in Chinese: ``--ui-lang``, the system locale, help, errors, ``check``."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
from pathlib import Path

import pytest

from desktop.cli import build_parser, take_ui_lang
from tests.conftest import DeckFactory
from tests.i18n.conftest import UiLanguage
from tests.i18n.english import english_words
from tests.test_cli import run as run_cli

LINE = re.compile(r"^[^:\s]+:\d+:\d+: (error|warning): ")


def run(*args: str, lang: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command line with the system locale *lang* (none of the run's own language pins)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    return run_cli(*args, cwd=cwd, env={**env, "LANG": lang or "C.UTF-8"})


def _words_typed(parser: argparse.ArgumentParser) -> set[str]:
    """What a user types on the command line (commands, option values): they stay as typed."""
    words = {"on", "off"}
    for action in parser._actions:
        words.update(str(choice) for choice in action.choices or ())
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                words |= _words_typed(sub)
    return words


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    texts = [parser.description or "", parser.epilog or ""]
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            texts.append(action.help % {"default": action.default, "prog": parser.prog})
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                texts.extend(_helps(sub))
            texts.extend(choice.help or "" for choice in action._choices_actions)
    return texts


def test_every_help_text_of_every_command_is_chinese(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    parser = build_parser(export_options=True)
    texts = [text for text in _helps(parser) if text]
    assert len(texts) > 40
    typed = _words_typed(parser)
    untranslated = {text: words for text in texts if (words := set(english_words(text)) - typed)}
    assert untranslated == {}


def test_ui_lang_gives_the_help_in_chinese_before_or_after_the_command(tmp_path: Path) -> None:
    for args in (("--ui-lang", "zh_CN", "check", "--help"), ("check", "--help", "--ui-lang=zh")):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("用法：tianjin-briefing check"), done.stdout
        assert "将警告视为错误" in done.stdout
        assert "选项" in done.stdout and "options" not in done.stdout


def test_the_system_locale_chooses_chinese_and_the_option_overrides_it(tmp_path: Path) -> None:
    assert run("--help", lang="zh_CN.UTF-8", cwd=tmp_path).stdout.startswith("用法：")
    assert run("--help", lang="en_US.UTF-8", cwd=tmp_path).stdout.startswith("usage: ")
    english = run("--ui-lang", "en", "--help", lang="zh_CN.UTF-8", cwd=tmp_path)
    assert english.stdout.startswith("usage: ")


def test_check_reports_in_chinese_with_machine_readable_places(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    deck = make_deck({"deck.yaml": "title: [unclosed\n"})
    done = run("--ui-lang", "zh_CN", "check", str(deck), cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[-1] == "1 个错误，0 个警告：无法显示演示文稿"
    assert lines[:-1] and all(LINE.match(line) for line in lines[:-1]), lines
    for line in lines[:-1]:
        message = LINE.sub("", line)
        assert english_words(message) == [] and re.search(r"[\u4e00-\u9fff]", message), line


def test_the_bundled_deck_checks_with_a_chinese_summary(tmp_path: Path) -> None:
    done = run("--ui-lang", "zh_CN", "check", "--no-render", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"12 个章节，\d+ 张幻灯片，0 个问题；缺少的文字：zh 0\n", done.stdout)


def test_argparse_errors_are_chinese(tmp_path: Path) -> None:
    done = run("--ui-lang", "zh_CN", "export", cwd=tmp_path)
    assert done.returncode == 2
    assert "缺少以下必需参数：-o/--output" in done.stderr
    assert done.stderr.startswith("用法：")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--ui-lang", "de", "check"), "unknown interface language 'de'; choose one of en, zh_CN"),
        (("check", "--ui-lang"), "argument --ui-lang: expected one argument"),
    ],
)
def test_a_bad_ui_lang_is_a_usage_error(args: tuple[str, ...], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr


def test_take_ui_lang_takes_every_spelling_and_keeps_the_other_words() -> None:
    assert take_ui_lang(["--ui-lang", "zh_CN", "check", "d"]) == ("zh_CN", ["check", "d"])
    assert take_ui_lang(["check", "--ui-lang=en", "d"]) == ("en", ["check", "d"])
    assert take_ui_lang(["check"]) == (None, ["check"])
    with pytest.raises(ValueError, match="--ui-lang"):
        take_ui_lang(["check", "--ui-lang"])
