"""Round lm (issue 10): the largest classes of blind sets 37–40, each with sentences written for the test —
never a quote of a blind set."""

from __future__ import annotations

from cocontrol.plans.extract import extract_plan


def _keys(text: str) -> list[tuple[int | None, float | None, str | None]]:
    return [(t.year, t.value, t.unit) for t in extract_plan(text).targets]


def test_lines_under_an_opening_year_take_its_year() -> None:
    # 到YYYY年，… describing the state aimed at (no figure), then lines of figures without a year of their own:
    # each line is dated by the opening, until the next line naming a time
    text = ("到2030年，县域绿色交通体系基本建成，运输结构明显优化。\n"
            "城市公交站点300米覆盖率90%以上。\n"
            "新能源出租车占比达到70%以上。\n"
            "到2035年，绿色出行全面普及。\n"
            "城市绿色出行比例85%以上。")
    assert _keys(text) == [(2030, 90.0, "%"), (2030, 70.0, "%"), (2035, 85.0, "%")]


def test_an_opening_year_does_not_date_a_report_or_a_line_with_its_own_time() -> None:
    # negative: a line naming its own year (or 目前) is not dated by the opening; nor is anything after it
    text = ("到2030年，县域绿色交通体系基本建成。\n"
            "目前全县公交站点300米覆盖率为60%。\n"
            "新能源出租车占比达到70%以上。")
    assert (2030, 70.0, "%") not in _keys(text)
    # negative: an opening that sets its own figure dates only its own paragraph
    # (changed by round sf: this asserted (None, 200, 个) for the line after — the lead's convention 3 of session 12
    # rejects it: an undated statement with no goal marker (新建 … states what is done) outside a goals heading, lead or
    # list is a report, not a target; the paragraph before it is no lead of a list)
    text = "到2030年，城市绿色出行比例达到80%。\n全县新建充电桩200个。"
    assert _keys(text) == [(2030, 80.0, "%")]


def test_years_opening_a_sentence_pair_with_each_respective_list_after_a_semicolon() -> None:
    # 到A年和B年，…分别…X和Y；…分别…X'和Y': every 分别 pair of the sentence, also after ；, is (A, B) in order
    text = ("到2026年和2030年，公交车单位里程能耗分别比2020年下降4%和9%；"
            "出租车单位里程能耗分别比2020年下降6%和12%，其中纯电出租车分别下降7%和15%。")
    assert _keys(text) == [(2026, 4.0, "%"), (2030, 9.0, "%"), (2026, 6.0, "%"), (2030, 12.0, "%"),
                           (2026, 7.0, "%"), (2030, 15.0, "%")]


def test_an_opening_year_list_does_not_reach_past_the_full_stop() -> None:
    # negative: after 。 the next sentence's 分别 pair is not given the years of the sentence before
    text = "到2026年和2030年，公交车单位里程能耗分别下降4%和9%。出租车单位里程能耗分别下降6%和12%。"
    keys = _keys(text)
    assert keys[:2] == [(2026, 4.0, "%"), (2030, 9.0, "%")]
    assert (2030, 12.0, "%") not in keys


def test_a_level_reached_over_a_year_range_is_one_target_for_its_last_year() -> None:
    # 2026—2028年，…达到N (no word of keeping it): the level is reached by the range's end, one record
    text = "2026—2028年，全县城镇污水日处理能力达到12万吨。"
    assert (2028, 12.0, "万吨") in _keys(text)
    assert not any(k[1] == 12.0 and k[0] in (2026, 2027) for k in _keys(text))


def test_a_level_kept_over_a_year_range_stays_one_target_per_year() -> None:
    # negative: 保持/稳定/以上 … a level held every year of the range is a target for each year
    text = "2026—2028年，全县集中式饮用水水源地水质达标率保持在100%。"
    assert _keys(text) == [(2026, 100.0, "%"), (2027, 100.0, "%"), (2028, 100.0, "%")]


def test_a_line_opening_with_a_year_clause_is_not_glued_to_an_unpunctuated_line_before() -> None:
    # a photo caption (no end punctuation), then 2030年，…: the year line is a paragraph of its own, dated by its clause
    text = ("2029年，全县城镇生活垃圾回收利用率达到40%以上。\n"
            "县城生活垃圾分类示范小区一角\n"
            "2030年，全县分类体系全面建成。城镇生活垃圾回收利用率达到45%以上。")
    assert _keys(text) == [(2029, 40.0, "%"), (2030, 45.0, "%")]


def test_a_year_clause_after_a_line_broken_off_a_phrase_still_continues_it() -> None:
    # negative: …根据规划，到|2030年，… is one sentence broken over a line; the year still dates it
    text = "根据规划，到\n2030年，全县城镇生活垃圾回收利用率达到45%以上。"
    assert _keys(text) == [(2030, 45.0, "%")]


def test_a_year_clause_inside_an_opening_quote_dates_the_pieces_after_semicolons() -> None:
    # 某某说：“到2030年，…；…；…” — the quote mark before 到 does not hide the year clause from the pieces after ；
    text = "副局长某某说：“到2030年，全县充电桩累计达2万个；公交站点300米覆盖率达到95%；打造示范乡镇3个。”"
    assert _keys(text) == [(2030, 2.0, "万个"), (2030, 95.0, "%"), (2030, 3.0, "个")]


def test_a_quoted_year_line_after_a_report_line_ending_in_an_ellipsis_starts_its_own_paragraph() -> None:
    # a report line (过去5年…) ending in ……, then a line “到2030年，…: the goals are not read as the report going on
    text = ("过去5年，全县累计建成充电桩6000个，公交站点实现全覆盖……\n"
            "“到2030年，全县充电桩累计达2万个；公交站点300米覆盖率达到95%。”某某说。")
    assert _keys(text) == [(2030, 2.0, "万个"), (2030, 95.0, "%")]
