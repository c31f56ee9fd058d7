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
  风电、光伏发电装机容量) shares it with items that have none.
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
    m = _PROVINCE.match(name) or _CITY.match(name)
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


_METRIC = re.compile(r"(?:重点工程减排量|减排量|排放总量|排放量|装机容量|装机规模|综合利用率|利用率|处理率|"
                     r"覆盖率|达标率|浓度|占比|比例|比重|面积|产量|消费量|保有量)$")


def share_tail(parts: list[str]) -> list[str]:
    """A 、 list whose last item carries the indicator's head shares it with the others:
    公交车、巡游出租车中新能源汽车占比 → 公交车中新能源汽车占比; 风电、光伏发电装机容量 →
    风电装机容量 (only items that have no head of their own)."""
    if len(parts) < 2:
        return parts
    last = parts[-1]
    if "中" in last and not any("中" in p for p in parts[:-1]):
        tail = last[last.index("中") :]
    else:
        m = _METRIC.search(last)
        tail = m.group(0) if m and m.start() > 0 else ""
    if len(tail) < 2 or any(_METRIC.search(p) or len(p) > 10 for p in parts[:-1]):
        return parts
    return [p + tail for p in parts[:-1]] + [last]
