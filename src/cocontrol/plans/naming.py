"""Indicator names (指标名称) as a bureau user reads them in the review table.

The name of a target is the subject of its clause, else the object of its creating verb:

* a leading place name is scope, not name: 深圳市城市生活垃圾回收利用率 → 城市生活垃圾回收利用率,
  黑龙江省秸秆综合利用率 → 秸秆综合利用率; a place name alone is never a name;
* leading conjunctions and particles (或/和/及/并/且/与/的/、) are dropped, and a leading verb is
  kept when it is coordinated with another (新增和更新的公交车中新能源车辆占比, 建成或改造综合能源港);
* with no subject the creating verb's object names the count: 建成充电桩24万个 → 充电桩
  (建成/建设/创建/完成/培育/打造/建立 are dropped; 新增/新建/淘汰/改造/压减 define the
  indicator and stay: 淘汰国四及以下营运柴油货车);
* a one- or two-character subject that ends the name of the previous target of the sentence
  (多式联运货运量年均增长10%，运量达到1850万吨) takes that name;
* a 、 list whose last item carries a 中-phrase or a head (公交车、巡游出租车中新能源汽车占比,
  风电、光伏发电装机容量, 车辆和船舶单位运输周转量…) shares it with items that have none, and the
  first item's 新增 / owner before 单位·人均 with the others; 主要污染物 before NOx、VOCs goes;
* a share of units doing something names both (70%的城市污水处理厂完成提标改造 →
  完成提标改造的城市污水处理厂比例, :func:`unit_share`);
* an area alone (县城达到80%) takes the sentence's previous indicator for that area;
* a work named by its activity takes the measure of its unit (造林60万亩 → 造林面积,
  修复岸线200公里 → …长度); scope notes in brackets (（除应急救援车辆外）) are dropped.
"""

from __future__ import annotations

import re

_PROVINCES = ("黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林",
              "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南",
              "四川", "贵州", "云南", "陕西", "甘肃", "青海", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
_NOT_CITY = ("设区", "地级", "县级", "副省级", "城", "超", "都", "全", "各", "本", "该", "门", "上", "下")
_PROVINCE = re.compile(rf"^(?:{'|'.join(_PROVINCES)})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?")
_CITY = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:市|自治州|盟)(?![级辖域区内外场])")
_SCOPE = re.compile(r"^(?:全市|全省|全区|全县|全州|全盟|全岛|本市|本省|本区|本县)+")
_LEAD_PARTICLES = re.compile(r"^[或和及并且与的、]+")
_DROP_VERB = re.compile(r"^(?:累计)?(?:建成|建设|创建|完成|培育|打造|建立)(?![或和及与、])")
_COORD = re.compile(r"[或和及与、]$|^(?:建成|建设|新建|新增|改造|创建|提升|完成|淘汰|关停|整治|更新|扩建)"
                    r"(?:[或和及与、][\u4e00-\u9fff]{0,3})?$")


def strip_place(name: str) -> str:
    """``name`` without a leading province or city name and scope words (全市, 本市)."""
    for _ in range(3):
        before = name
        m = _PROVINCE.match(name)
        if m and len(name) - m.end() >= 2:
            name = name[m.end() :]
        m = _CITY.match(name)
        if m and not m.group(1).startswith(_NOT_CITY) and not m.group(1).endswith(("城", "都")) \
                and len(name) - m.end() >= 2:
            name = name[m.end() :]
        name = _SCOPE.sub("", name)
        if name == before:
            break
    return name


def is_place(name: str) -> bool:
    """A place name on its own (唐山市, 云南省, 全市): not an indicator."""
    if _SCOPE.fullmatch(name):
        return True
    m = _PROVINCE.match(name)
    if m is not None and m.end() == len(name):
        return True  # (上海, 上海市: a province-level name, whatever _NOT_CITY says of a city's first character)
    m = _CITY.match(name)
    return m is not None and m.end() == len(name) and not name.startswith(_NOT_CITY)


def strip_particles(name: str) -> str:
    """``name`` without leading conjunctions/particles (或, 和, 及, 并, 且, 与, 的, 、)."""
    return _LEAD_PARTICLES.sub("", name)


def coordinated(subject: str) -> bool:
    """The subject is a verb coordinated with the clause's verb: 建成或|改造…, 建成或提升|改造…."""
    return _COORD.search(subject) is not None


def object_name(obj: str) -> str:
    """The object of a creating verb as a name: 建成充电桩 → 充电桩, 淘汰落后产能 kept whole."""
    rest = _DROP_VERB.sub("", obj)
    return rest if len(rest) >= 2 else obj


_METRIC = re.compile(r"(?:重点工程减排量|减排量|排放总量|排放量|装机容量|装机规模|装机|综合利用率|利用率|处理率|"
                     r"覆盖率|达标率|浓度|占比|比例|比重|面积|产量|消费量|保有量)$")
_HEAD_START = re.compile(r"单位|人均")
_CATEGORY = re.compile(r"^主要污染物(?=[A-Za-z\u4e00-\u9fff])")
_NEW = re.compile(r"^(?:每年)?(?:新增|新建|新购)(?:[和或及与](?:更新|更换|新建|新购))?的?")


def _shared_tail(parts: list[str]) -> str:
    """The head the last item of a list carries for all: its 中-phrase, its metric, else the
    part from 单位/人均 on (船舶单位运输周转量二氧化碳排放); "" when items have their own."""
    last = parts[-1]
    if "中" in last and not any("中" in p for p in parts[:-1]):
        tail = last[last.index("中") :]
    else:
        m = _METRIC.search(last)
        h = _HEAD_START.search(last, 1)
        tail = m.group(0) if m and m.start() > 0 else (last[h.start() :] if h else "")
    if len(tail) < 2 or any(_METRIC.search(p) or len(p) > 10 for p in parts[:-1]):
        return ""
    return tail


def _share_head(cores: list[str]) -> list[str]:
    """Words before the first item that qualify every item of the list."""
    first, rest = cores[0], cores[1:]
    m = _CATEGORY.match(first)
    if m:  # 主要污染物NOx、VOCs…: the category is not part of a member's name
        return [first[m.end() :], *rest]
    m = _NEW.match(first)
    if m and m.end() < len(first) and not any(_NEW.match(p) for p in rest):
        return [first] + [m.group(0) + p for p in rest]  # 新增公交车、出租车中… → 新增出租车中…
    h = _HEAD_START.search(first, 2)
    if h and all(_HEAD_START.match(p) for p in rest):  # 公共机构单位建筑面积能耗、人均综合能耗
        return [first] + [first[: h.start()] + p for p in rest]
    return cores


def share_tail(parts: list[str]) -> list[str]:
    """Names of the items of a 、 list. The last item's head is shared with the items that
    have none: 公交车、巡游出租车中新能源汽车占比 → 公交车中新能源汽车占比; 风电、光伏发电装机容量
    → 风电装机容量; 营运车辆和船舶单位运输周转量二氧化碳排放 → 营运车辆单位…. The first item's
    qualifiers are shared too: 新增公交车、出租车中… → 新增出租车中…; 公共机构单位建筑面积能耗、
    人均综合能耗 → 公共机构人均综合能耗; a category before its members goes (主要污染物NOx、
    VOCs → NOx, VOCs). Words before a first item are not shared otherwise: without a lexicon
    三大粮食作物|化肥、农药 cannot be told from 化学需氧量、氨氮."""
    if len(parts) < 2:
        return parts
    tail = _shared_tail(parts)
    cores = [*parts[:-1], parts[-1][: len(parts[-1]) - len(tail)]] if tail else list(parts)
    cores = _share_head(cores)
    return [c + tail for c in cores] if tail else cores


_AREA_UNITS = ("亩", "公顷", "平方米", "平方公里", "平方千米")
_LENGTH_UNITS = ("公里", "千米")
MEASURED = re.compile(r"(?:面积|规模|量|长度|里程|容量|能力|率|比例|比重|占比|空间|用地|强度|指数|浓度|排放|能耗|装机)$")


def with_measure(name: str, unit: str) -> str:
    """A work named by its activity takes the measure its unit gives: 新增绿色建筑6000万平方米
    → 新增绿色建筑面积, 完成海岸带生态修复200公里 → 海岸带生态修复长度."""
    base = re.sub(r"^(?:百万|千万|万|亿)", "", unit)
    if not name or MEASURED.search(name):
        return name
    if base in _AREA_UNITS:
        return name + "面积"
    return name + "长度" if base in _LENGTH_UNITS else name


_QUALIFIER = re.compile(r"[（(](?:除|含|不含|包括|包含|不包括|达到或好于|好于)[^）)]*[）)]")
_JOIN_VERB = re.compile(r"(?<=[\u4e00-\u9fff]{2})实现(?=[\u4e00-\u9fff]{2,}(?:率|比例|比重|占比)$)")


def drop_qualifiers(name: str) -> str:
    """A name without its scope notes: （除应急救援车辆外）, （达到或好于Ⅲ类）, and without the
    实现 joining a place to its indicator (片区内村庄实现农村清洁取暖率 → 片区内村庄农村清洁取暖率)."""
    return _JOIN_VERB.sub("", _QUALIFIER.sub("", name))


_AREA = r"(?:城市建成区|中心城区|主城区|建成区|市区|城区|县城|县域|市域|农村地区|农村|乡镇|城镇|城市|城乡)"
_AREA_LEAD = re.compile(rf"^{_AREA}+")
_AREA_ONLY = re.compile(rf"{_AREA}|[\u4e00-\u9fff]{{1,4}}(?:地区|县城|城区)")
_RATE_HEAD = re.compile(r"(?:率|比例|比重|占比|浓度|指数)$")


def in_scope_of(name: str, previous: str) -> str | None:
    """An area alone (县城达到80%) names the previous indicator of its sentence for that
    area: 市区建成区道路机械化清扫率 → 县城道路机械化清扫率; ``None`` when ``name`` is not an area."""
    if not _AREA_ONLY.fullmatch(name) or not _RATE_HEAD.search(previous):
        return None
    rest = _AREA_LEAD.sub("", previous)
    return name + rest if len(rest) >= 2 else None


_SHARE_VERB = re.compile(r"完成|达到|实现|具备|符合|建成|纳入|开展|使用|采用|配备|接入")


def unit_share(subject: str, after: str) -> str | None:
    """Name of a share of units doing something (N%的X完成Y): the units X and the deed Y.

    ``after`` is the text following the percentage: 的城市污水处理厂完成提标改造 →
    完成提标改造的城市污水处理厂比例; with no X after the number the subject is the unit
    (规模以上工业企业中一半以上完成清洁生产审核 → 规模以上工业企业中完成清洁生产审核的比例), as
    with both (主要港口90%以上符合条件的泊位，具备向船舶供应岸电的能力 → 主要港口符合条件的
    泊位中具备向船舶供应岸电能力的比例);
    N%新能源化 → subject + 新能源化比例. ``None`` when no deed follows."""
    subject = re.sub(r"(?:大约|约|将近|近)?有$|中$", "", subject)
    span = re.split(r"[；;。！？]", after, maxsplit=1)[0][:40]
    m = re.match(r"[\u4e00-\u9fff]{1,6}化(?=[，,；;。]|$)", span)
    if m:
        return f"{subject}{m.group(0)}比例" if subject else None
    deeds = list(_SHARE_VERB.finditer(span))
    deed = None
    for i, d in enumerate(deeds):  # 符合条件的泊位，具备…: a verb inside a 的-phrase qualifies X
        if i + 1 < len(deeds) and re.match(r"[^，,的]{0,8}的", span[d.end() :]):
            continue
        deed = d
        break
    if deed is None:
        return None
    units = re.sub(r"^的", "", span[: deed.start()]).strip("，, ")
    done = re.split(r"[，,]", span[deed.start() :])[0]
    done = re.sub(r"的能力$", "能力", done)
    if "，" in units or "," in units:
        units = re.split(r"[，,]", units)[0]
    if units and not subject:
        return f"{done}的{units}比例"
    if done == deed.group(0) and subject and not units:
        return f"{subject}{done}率"  # 清洁生产审核100%完成 → 清洁生产审核完成率
    owner = subject + units  # 主要港口 + 符合条件的泊位 → …泊位中具备向船舶供应岸电能力的比例
    return f"{owner}中{done}的比例" if owner else None
