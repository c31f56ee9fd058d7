"""Help pages in the user's language (issue 9, item 4): Chinese by default, English with
``--lang en`` or ``COCONTROL_LANG=en`` — the same choice as the error messages.

Command and option help is written ``中文 / English`` (or ``中文 — English``); each language
shows its own half. The words Typer and its bundled Click print themselves (``Usage:``,
``Options``, ``Commands``, ``[required]``, ``Show this message and exit.`` …) are replaced by
their Chinese in a Chinese run; an English run leaves them as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPLIT = re.compile(r"\s+(?:/|—)\s+")

ZH_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "REQUIRED_LONG_STRING": "[必填]",
    "DEFAULT_STRING": "[默认：{}]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "DEPRECATED_STRING": "（已停用）",
}
"""Typer's own panel and annotation words (``typer.rich_utils``) in Chinese."""
HELP_OPTION_ZH = "显示本帮助并退出。"
USAGE_ZH = "用法："
USAGE_WORDS_ZH = (("[OPTIONS]", "[选项]"), ("COMMAND", "命令"), ("[ARGS]", "[参数]"))
TYPES_ZH = {"<bool>": "", "<str>": "<文本>", "<int>": "<整数>", "<float>": "<数值>", "<path>": "<路径>",
            "<file>": "<文件>", "<choice>": "<选项>", "<int range>": "<整数>", "<float range>": "<数值>"}
"""Value kinds shown beside an option; a list (``<list[Path]>``) reads <可多次>."""

HELP_ZH = {
    "address to listen on": "监听地址",
    "port": "端口",
    "evaluation year shown by default (default: latest reported)": "默认显示的评价年度（默认为最新填报年度）",
    "worker processes (one per core)": "工作进程数（每个处理器核一个）",
    "plan file (.txt/.md/.docx/.pdf) or - for stdin": "规划文件（.txt/.md/.docx/.pdf），或用 - 从标准输入读取",
    "output file (default stdout)": "输出文件（默认显示在屏幕上）",
    "reviewed plan: the .yaml, .json or .xlsx that plan extract wrote":
        "审核后的规划：plan extract 写出的 .yaml、.json 或 .xlsx 文件",
    "database URL (default: COCONTROL_DATABASE_URL or the local SQLite file)":
        "数据库地址（默认 COCONTROL_DATABASE_URL，否则本地 SQLite 文件）",
    "Monte Carlo draws (0 = none); writes <OUTPUT>.uncertainty.csv":
        "蒙特卡洛抽样次数（0 表示不做）；另写出 <输出文件>.uncertainty.csv",
    "scenario file (YAML)": "情景文件（YAML）",
    "Monte Carlo draws (0: none)": "蒙特卡洛抽样次数（0 表示不做）",
    "random seed": "随机数种子",
    "OUT.xlsx | .csv | .parquet": "输出文件（.xlsx、.csv 或 .parquet）",
    "IAMC long-format CSV": "IAMC 长表格式的 CSV 文件",
    "MEASURES.csv | .xlsx": "措施表（.csv 或 .xlsx）",
    "SPECIES=AMOUNT (repeatable)": "排放物=减排量，如 CO2=100（可多次）",
    "relax lumpy measures; shadow prices": "措施可部分实施（放宽整数约束），并给出影子价格",
    "folder": "文件夹",
    "overwrite existing files": "覆盖已有文件",
    # option values: the literal words stay (they are what is typed), their meaning in Chinese
    "text | json": "输出格式：text（文字，默认）或 json",
    "table | json": "输出格式：table（表格，默认）或 json",
    "json | yaml | xlsx": "输出格式：json（默认）、yaml 或 xlsx（Excel 工作簿，便于审核）",
    "duckdb | spark": "计算引擎：duckdb（单机，默认）或 spark（集群）",
    "AR4 | AR5 | AR6": "全球增温潜势取值：AR4、AR5 或 AR6（IPCC 第四、五、六次评估报告）",
    "spark://host:7077": "Spark 集群地址，如 spark://host:7077",
}
"""Chinese of the option help written only in English (the zh run shows these)."""


def half(text: str | None, lang: str) -> str | None:
    """The ``lang`` half of a bilingual help text: ``规划 — extract targets…`` → ``规划`` (zh) or
    ``extract targets…`` (en). A text with no Chinese part, or one not written in two halves, is
    returned as written."""
    if not text or not _CJK.search(text):
        return text
    parts = _SPLIT.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or _CJK.search(parts[1]) or not _CJK.search(parts[0]):
        return text
    zh, en = parts
    if lang == "zh":
        return zh.rstrip(" .。")
    return en[:1].upper() + en[1:]


def localise(command: Any, lang: str) -> None:
    """Give ``command`` (a Click/Typer command tree) and every sub-command and parameter the
    help text of ``lang``."""
    from cocontrol.cli.helptext_en import HELP_EN

    for attr in ("help", "short_help"):
        text = getattr(command, attr, None)
        if isinstance(text, str):
            text = half(HELP_EN.get(text, text) if lang == "en" else text, lang)
            if lang == "zh" and text.endswith(".") and _CJK.search(text):
                text = text[:-1]  # a Chinese sentence takes no English full stop
            setattr(command, attr, text)
    for param in getattr(command, "params", []):
        if isinstance(getattr(param, "help", None), str):
            param.help = (HELP_ZH if lang == "zh" else HELP_EN).get(param.help, param.help)
            param.help = half(param.help, lang)
    for sub in getattr(command, "commands", {}).values():
        localise(sub, lang)


_lang: list[str] = ["en"]  # the language of Typer's own words in this process
_originals: dict[str, str] = {}


def framework_words(lang: str) -> None:
    """Typer/Click's own words (``Usage:``, ``Options`` … ``Show this message and exit.``) in
    ``lang``: Chinese for zh, Typer's English otherwise. Hooks are put in once per process and
    read the language chosen last. Typer's help and error renderer (``typer.rich_utils``, which
    imports Rich) is not imported for this: its words are set when it is first imported — only
    a help page or an error needs it, so a command that runs pays nothing for it."""
    import sys

    _lang[0] = lang
    if not _installed:
        _installed.append(True)
        _install()
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:
        _apply(rich_utils)
    elif not any(isinstance(finder, _WhenImported) for finder in sys.meta_path):
        sys.meta_path.insert(0, _WhenImported())


_installed: list[bool] = []


def _apply(rich_utils: Any) -> None:
    """Typer's words in ``rich_utils`` set to the language chosen last."""
    if not _originals:
        _originals.update({name: getattr(rich_utils, name) for name in ZH_WORDS})
    for name, word in ZH_WORDS.items():
        setattr(rich_utils, name, word if _lang[0] == "zh" else _originals[name])


class _WhenImported:
    """A one-time import hook: once ``typer.rich_utils`` is loaded, its words are set
    (:func:`_apply`)."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != "typer.rich_utils":
            return None
        import sys
        from importlib.machinery import PathFinder

        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            load(module)
            _apply(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _install() -> None:
    from typer import core
    from typer._click import decorators, formatting

    original_help_option: Callable[..., Any] = decorators.help_option

    def help_option(names: list[str]) -> Callable[[Any], Any]:
        apply = original_help_option(names)

        def decorate(cmd: Any) -> Any:
            cmd = apply(cmd)
            if _lang[0] == "zh":
                cmd.params[-1].help = HELP_OPTION_ZH
            return cmd

        return decorate

    decorators.help_option = help_option  # type: ignore[assignment]
    write_usage = formatting.HelpFormatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        if _lang[0] == "zh":
            for en, zh in USAGE_WORDS_ZH:
                args = args.replace(en, zh)
            prefix = USAGE_ZH if prefix is None else prefix
        write_usage(self, prog, args, prefix)

    formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]
    for cls in (core.TyperOption, core.TyperArgument):
        shown = cls.display_type_rich

        def display(self: Any, ctx: Any, _shown: Callable[..., Any] = shown) -> str | None:
            text = _shown(self, ctx=ctx)
            if text is None or _lang[0] != "zh":
                return None if text == "<bool>" else text  # a flag takes no value
            return TYPES_ZH.get(text, "<可多次>" if text.startswith("<list") else text) or None

        cls.display_type_rich = display  # type: ignore[method-assign]
