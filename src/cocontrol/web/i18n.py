"""Chinese UI by default with an English switch (``?lang=en`` or the ``lang`` cookie)."""

from __future__ import annotations

from fastapi import Request

LANGS = ("zh", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    "app": ("减污降碳协同增效平台", "Pollution & Carbon Co-reduction Platform"),
    "overview": ("城市总览", "City overview"),
    "department": ("部门工作台", "Department workspace"),
    "inventory": ("清单浏览", "Inventory explorer"),
    "synergy": ("协同分析", "Synergy"),
    "scenarios": ("情景分析", "Scenarios"),
    "import": ("规划导入", "Plan import"),
    "reports": ("报告下载", "Reports"),
    "inclusive": ("碳普惠", "Carbon inclusion"),
    "events": ("大型活动", "Events"),
    "bluecarbon": ("蓝碳", "Blue carbon"),
    "enterprises": ("企业核查", "Enterprises"),
    "admin": ("系统管理", "Administration"),
    # shorter menu labels where the page title is long (the menu fits one row at 1280 px)
    "nav_department": ("部门工作台", "Workspace"),
    "nav_inventory": ("清单浏览", "Inventory"),
    "login": ("登录", "Sign in"),
    "logout": ("退出", "Sign out"),
    "username": ("用户名", "User name"),
    "password": ("密码", "Password"),
    "region": ("地区", "Region"),
    "year": ("年度", "Year"),
    "targets_by_domain": ("分领域目标指标", "Targets by domain"),
    "indicator": ("指标", "Indicator"),
    "target_count": ("目标数", "Targets"),
    "not_assessed": ("未评价", "not assessed"),
    "target_value": ("目标值", "Target"),
    "latest": ("最新值", "Latest"),
    "status": ("状态", "Status"),
    "binding": ("属性", "Binding"),
    "responsible": ("责任单位", "Responsible units"),
    "co2_trend": ("二氧化碳排放趋势", "CO2 emissions"),
    "apeq_trend": ("大气污染物当量趋势", "Air-pollutant equivalents (APeq)"),
    "sector_breakdown": ("分部门二氧化碳排放", "CO2 by sector"),
    "missing": ("数据暂缺", "Data not available"),
    "quote": ("规划原文", "Quote from the plan"),
    "tasks": ("关联任务", "Linked tasks"),
    "not_reported": ("未报送", "not reported"),
    "history": ("填报记录", "Submission history"),
    "forecast": ("趋势与预测", "Trend and forecast"),
    "submit": ("提交", "Submit"),
    "submit_progress": ("填报进展", "Submit progress"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "judgement": ("完成情况（定性目标）", "Judgement (qualitative targets)"),
    "period": ("年度", "Period"),
    "note": ("说明", "Note"),
    "evidence": ("佐证材料", "Evidence"),
    "warnings": ("预警", "Warnings"),
    "withdraw": ("撤回", "Withdraw"),
    "withdrawn": ("已撤回", "Withdrawn"),
    "save": ("保存", "Save"),
    "confirm": ("确认入库", "Confirm and store"),
    "upload": ("上传", "Upload"),
    "conflict": ("保存冲突：他人已修改此记录，或同名记录已存在",
                 "Conflict: someone else changed this record, or one of that name exists"),
    "saved": ("已保存", "Saved"),
    "progress": ("进度（%）", "Progress (%)"),
    "users": ("用户", "Users"),
    "departments": ("部门", "Departments"),
    "choose_department": ("请在上方选择一个部门，查看其目标、任务、预警和填报记录。",
                          "Choose a department above to see its targets, tasks, warnings and submissions."),
    "regions": ("地区", "Regions"),
    "role": ("角色", "Role"),
    "active": ("启用", "Active"),
    "annual_report": ("年度评价报告", "Annual evaluation report"),
    "dispatch": ("调度表", "Dispatch table"),
    "download": ("下载", "Download"),
    "sector": ("行业", "Sector"),
    "fuel": ("燃料", "Fuel"),
    "species": ("排放物", "Species"),
    "scope": ("范围", "Scope"),
    "uncertainty": ("不确定性", "Uncertainty"),
    "download_inventory": ("下载排放清单 Excel（全部年份）", "Download the inventory (Excel, all years)"),
    "elasticity": ("协同控制弹性系数", "Co-control elasticity"),
    "coordinates": ("协同控制坐标系", "Co-control coordinates"),
    "index": ("协同度指数", "Synergy index"),
    "ranking": ("区域排名", "Ranking"),
    "own_index": ("本市历年协同度指数（仅本市数据）", "Synergy index by year (this city's data only)"),
    "peers": ("同类城市比较", "Peer comparison"),
    "peer_ranking": ("同类城市协同度综合指数排名", "Synergy index ranking of peer cities"),
    "rank": ("排名", "Rank"),
    "city": ("城市", "City"),
    "composite_index": ("综合指数", "Composite index"),
    "contributions": ("各指标贡献与同类城市比较", "Indicator contributions compared with peer cities"),
    "dimension": ("维度", "Dimension"),
    "weight": ("权重", "Weight"),
    "own_contribution": ("本市贡献（指数点）", "Contribution (index points)"),
    "best_city": ("该指标首位城市", "Best city on the indicator"),
    "gap_to_best": ("与首位差距（指数点）", "Gap to the best (index points)"),
    "hidden_cities": ("个城市在您的权限范围外，未列出", "cities outside your scope are not listed"),
    "submitter": ("填报人", "Submitter"),
    "time": ("时间", "Time"),
    "no_tasks": ("暂无任务", "No tasks"),
    "plan": ("规划", "Plan"),
    "audit": ("审计日志", "Audit log"),
    "session_expired": ("会话已过期，请重新登录", "Your session has expired; please sign in again"),
    "login_required": ("请先登录", "Please sign in"),
    "forbidden": ("无权执行此操作", "You may not do this"),
    "csrf": ("表单已失效（CSRF 校验失败），请刷新页面后重试",
             "The form has expired (CSRF check failed); reload the page and try again"),
    "bad_login": ("用户名或密码错误", "Wrong user name or password"),
    "too_many": ("登录尝试过多，请稍后再试", "Too many sign-in attempts; try again later"),
    "too_large": ("上传文件过大", "The upload is too large"),
    "busy": ("服务器繁忙，请稍后再试", "The server is busy; try again shortly"),
    "refreshing": ("正在重新计算…", "Recalculating…"),
    "computing": ("正在计算，请稍候", "Calculating, please wait"),
    "refresh_failed": ("重新计算失败", "Recalculation failed"),
    "error_logged": ("计算出错，详情已记入运行日志，请联系平台管理员", "the computation failed; the details are in the server log — please contact the platform administrator"),
    "showing_previous": ("页面显示的是上次计算的结果，完成后自动更新", "Showing the previous results; the page updates when done"),
    "first_compute": ("首次计算尚未完成，完成后自动显示", "The first calculation is still running; results appear when done"),
    "regions_done": ("个地区已完成", "regions done"),
    "step": ("步骤", "Step"),
    "retry": ("重试", "Retry"),
    "queued": ("排队中", "queued"),
    "not_found": ("未找到", "Not found"),
    "invalid": ("输入有误", "Invalid input"),
    "els": ("弹性系数", "Elasticity"),
    "reading": ("判读", "Reading"),
    "u_pollution": ("减污子系统发展度", "Pollution subsystem"),
    "u_carbon": ("降碳子系统发展度", "Carbon subsystem"),
    "coupling": ("耦合度", "Coupling"),
    "coordination": ("耦合协调度", "Coupling coordination"),
    "new_user": ("新建用户", "New user"),
    "confirm_new_user": ("确认创建该用户并授予所选角色？", "Create this user with the selected role?"),
    "aliases": ("别名（以、分隔）", "Aliases (separated by 、)"),
    "parent_region": ("上级地区", "Parent region"),
    "level": ("级别", "Level"),
    "actor": ("操作人", "By"),
    "action": ("操作", "Action"),
    "record": ("对象", "Record"),
    "row": ("编号", "No."),
    "version": ("版本", "Version"),
    "base_year": ("基期", "Base year"),
    "baseline": ("基期值", "Baseline"),
    "evidence_types": ("PDF、图片、Word、Excel、CSV 或文本文件", "PDF, image, Word, Excel, CSV or text file"),
    "plan_files": ("规划文件：文本、Word、PDF 或已审核的规划数据文件", "Plan file: text, Word, PDF or a reviewed plan data file"),
    "for_item": ("填报对象", "For"),
    "direction": ("目标要求", "Goal"),
    "reported": ("填报值", "Reported"),
    "target_line": ("目标值", "Target"),
    "forecast_band": ("预测区间", "Forecast range"),
    "demo_note": ("示例数据", "Demo data"),
    "demo_mark": ("示例", "illustrative"),
    "demo_values": ("标“示例”的最新值为示例数据（演示用，非官方统计）。",
                    "Latest values marked illustrative are demo data, not official statistics."),
    "page_prev": ("上一页", "Previous"),
    "page_next": ("下一页", "Next"),
    "total": ("合计", "Total"),
    "drill_down": ("按燃料与物种展开", "By fuel and species"),
    "sector_summary": ("分行业排放汇总", "Emissions by sector"),
    "factor_set": ("大气污染物排放因子", "Air-pollutant emission factors"),
    "co2_wan_t": ("CO2（万吨）", "CO2 (10⁴ t)"),
    "pollutants_t": ("大气污染物（吨）", "Air pollutants (t)"),
}

# words of the 碳普惠, 蓝碳 and 大型活动 pages (``prefix.key``; :func:`words`)
MESSAGES |= {
    "inclusive.title": ("碳普惠", "Carbon inclusion"),
    "inclusive.participants": ("参与人数", "Participants"),
    "inclusive.issued": ("累计签发减排量", "Credits issued"),
    "inclusive.redeemed": ("已兑换", "Redeemed"),
    "inclusive.balance": ("账户余额合计", "Balances"),
    "inclusive.avoided": ("同步减少的大气污染物", "Air pollutants avoided"),
    "inclusive.scenes": ("场景与方法学", "Scenes and methodologies"),
    "inclusive.scene": ("场景", "Scene"),
    "inclusive.unit": ("计量单位", "Unit"),
    "inclusive.credit": ("每单位减排量（克CO2）", "Credit per unit (g CO2)"),
    "inclusive.daily": ("每日上限（克）", "Daily cap (g)"),
    "inclusive.yearly": ("年度上限（克）", "Yearly cap (g)"),
    "inclusive.valid": ("有效期", "Valid"),
    "inclusive.source": ("来源", "Source"),
    "inclusive.monthly": ("各月减排量（吨CO2）", "Reductions by month (t CO2)"),
    "inclusive.none": ("暂无合作方提交的行为记录。", "No behaviour records have been posted yet."),
    "inclusive.partners": ("接入的合作方", "Partner systems"),
    "inclusive.export": ("导出（供省级平台）", "Export (for the provincial platform)"),
    "inclusive.status_note": ("方法学因子转引自深圳、武汉公开资料，上限为示例设置；城市可上传本地方法学。",
                              "Factors quoted from Shenzhen and Wuhan publications; caps are illustrative; "
                              "a city may load its own methodology."),
    "inclusive.expired": ("已过期", "Expired"),
    "inclusive.corrected": ("冲正合计", "Corrections"),
    "inclusive.manage": ("台账管理", "Ledger management"),
    "inclusive.expire_title": ("到期处理", "Expiry"),
    "inclusive.valid_open": ("{start} 起（未设截止日期）", "from {start} (no end date)"),
    "inclusive.expire_help": ("减排量自签发年度起有效，至其后第 {years} 年年底到期；到期未兑换的部分记为过期，先签发的先使用。"
                              "此有效期为本市自行设置：未查到山东省公开的碳普惠减排量有效期规定；"
                              "《深圳市碳普惠管理办法》（2022）规定个人碳积分有效期最长不超过10年。",
                              "Credits stay valid for {years} calendar year(s) after the year of issue; what is left then "
                              "lapses, oldest credits spent first. This validity is the city's own setting: no published "
                              "Shandong rule was found; Shenzhen's 2022 carbon-inclusive rules cap personal credits at "
                              "10 years."),
    "inclusive.year": ("签发年度", "Year of issue"),
    "inclusive.expire_button": ("记为过期", "Expire"),
    "inclusive.confirm_expire": ("确认将该年度及以前到期未兑换的减排量记为过期？记账后只能冲正，不能删除。",
                                 "Expire the unredeemed credits of that year and before? Entries can only be reversed, never deleted."),
    "inclusive.correct_title": ("冲正", "Correction"),
    "inclusive.correct_help": ("冲正不删除原分录，而是记入一笔金额相反的分录并注明原因。填写分录号冲正一笔，"
                               "或填写批次号冲正该批次的全部签发分录（二者填一）。",
                               "A correction never deletes an entry: it appends the reversing entry with its reason. "
                               "Give an entry number, or a batch number to reverse every issue of that batch."),
    "inclusive.seq": ("分录号", "Entry"),
    "inclusive.batch": ("批次号", "Batch"),
    "inclusive.reason": ("原因", "Reason"),
    "inclusive.correct_button": ("记入冲正", "Post correction"),
    "inclusive.batches": ("最近的记录批次", "Latest batches"),
    "inclusive.ledger_months": ("台账分月变动（吨CO2）", "Ledger by month (t CO2)"),
    "inclusive.month": ("月份", "Month"),
    "inclusive.issued_col": ("签发", "Issued"),
    "inclusive.redeemed_col": ("兑换", "Redeemed"),
    "inclusive.expired_col": ("过期", "Expired"),
    "inclusive.corrected_col": ("冲正", "Corrected"),
    "inclusive.ledger_months_note": ("按记账月份汇总，近 12 个月；兑换、过期为账户减少的量，冲正为冲减（负）或冲回（正）的量。",
                                     "By month of entry, last 12 months; redeemed and expired are what left the accounts, "
                                     "corrections are negative when they reverse credits."),
    "inclusive.partner": ("合作方", "Partner"),
    "inclusive.region": ("地区", "Region"),
    "inclusive.posted": ("提交日期", "Posted"),
    "inclusive.records": ("记录数（条）", "Records"),
    "inclusive.credited_t": ("签发（吨CO2）", "Issued (t CO2)"),
    "inclusive.corrected_t": ("冲正（吨CO2）", "Corrected (t CO2)"),
    "inclusive.expired_done": ("已将 {year} 年及以前签发、到期未兑换的减排量记为过期：{n} 个账户，共 {t:,.6f} 吨CO2。",
                               "Expired the unredeemed credits issued in {year} and before: {n} account(s), {t:,.6f} t CO2."),
    "inclusive.corrected_done": ("已记入冲正分录 {n} 笔，合计 {t:,.6f} 吨CO2。",
                                 "Posted {n} reversing entr(ies), {t:,.6f} t CO2 in all."),
    "events.title": ('大型活动碳中和', 'Large-event carbon neutrality'),
    "events.registered": ('已登记的活动', 'Registered events'),
    "events.name": ('活动', 'Event'),
    "events.total": ('排放量（吨CO2当量）', 'Emissions (t CO2e)'),
    "events.retired": ('已注销（吨CO2当量）', 'Retired (t CO2e)'),
    "events.neutral": ('是否碳中和', 'Neutral'),
    "events.yes": ('是', 'yes'),
    "events.no": ('否', 'no'),
    "events.upload": ('核算活动填报表', 'Account an event workbook'),
    "events.file": ('填报表（Excel 工作簿）', 'Workbook (Excel)'),
    "events.template": ('下载填报模板', 'Download the template'),
    "events.retire": ('登记活动并注销碳信用', 'Record the event and retire its credits'),
    "events.account": ('核算', 'Account'),
    "events.report": ('下载碳中和报告', 'Download the neutrality report'),
    "events.by_source": ('分排放源', 'By source'),
    "events.source": ('类别', 'Source'),
    "events.credits": ('抵消用碳信用', 'Credits'),
    "events.serial": ('序列号', 'Serial'),
    "events.quantity": ('数量（吨）', 'Quantity (t)'),
    "events.problems": ('问题', 'Problems'),
    "events.none": ('尚无登记的活动。', 'No event recorded yet.'),
    "events.interval": ('95% 区间', '95 % interval'),
    "events.open": ('（', ' ('),
    "events.close": ('）', ')'),
    "events.sep": ('；', '; '),
    "events.colon": ('：', ': '),
    "events.credit_type": ('类型', 'Type'),
    "events.kg_co2e": ('千克CO2当量', 'kg CO2e'),
    "events.vintage": ('年份', 'Vintage'),
    "events.lines": ('核算明细', 'Account by line'),
    "events.item": ('项目', 'Item'),
    "events.amount": ('活动水平', 'Activity'),
    "events.factor": ('排放因子', 'Factor'),
    "events.citation": ('因子来源（核实状态）', 'Factor source (status)'),
    "events.uncertainty": ('不确定性（95%）', 'Uncertainty (95 %)'),
    "events.lines_note": ('住宿、会议用品无可引用的缺省因子，按酒店分摊能耗或填报人注明来源的因子核算；'
                          '填埋垃圾因子由 IPCC 2006 第5卷缺省参数推算。合计的 95% 区间按各项独立、平方和开方合成。',
                          'Accommodation and materials have no citable default factor: they are accounted from the '
                          "hotel's own energy or a factor the organiser cites; landfill factors are derived from IPCC "
                          '2006 Vol. 5 defaults. The total\'s 95 % interval combines the lines in quadrature (independent).'),
    "events.done": ('已登记并注销。', 'Recorded and retired.'),
    "events.certificate": ('碳中和证明', 'Certificate'),
    "events.pdf": ('PDF', 'PDF'),
    "events.docx": ('Word', 'Word'),
    "bluecarbon.title": ('蓝碳', 'Blue carbon'),
    "bluecarbon.by_year": ('各年蓝碳碳汇量（吨CO2）', 'Blue-carbon removals by year (t CO2)'),
    "bluecarbon.sites": ('分地点碳汇', 'By site'),
    "bluecarbon.site": ('地点/品种', 'Site / species'),
    "bluecarbon.type": ('类型', 'Type'),
    "bluecarbon.year": ('年份', 'Year'),
    "bluecarbon.removal": ('碳汇量（吨CO2）', 'Removal (t CO2)'),
    "bluecarbon.status": ('参数状态', 'Parameters'),
    "bluecarbon.data": ('数据', 'Data'),
    "bluecarbon.none": ('所选地区暂无蓝碳数据。', 'No blue-carbon data for this region.'),
    "bluecarbon.note": ('海草床、盐沼按面积×埋藏速率计（修复项目另按低、中、高埋藏速率给出区间）；贝藻为可移出碳汇，不等同于永久封存；参数“待核”者为尚未在原文核实的数值。', "Seagrass and salt marsh: area × burial rate (restoration projects get a low–high range); shellfish and seaweed: removable carbon, not permanent storage; 'to be checked' parameters are not yet verified in their source."),
    "bluecarbon.net": ('{y}年二氧化碳直接排放量扣除全部碳汇（{s}）后，净排放量为{n}。', 'In {y}, direct CO2 net of all removals ({s}) was {n}.'),
    "bluecarbon.projects": ('海草床、盐沼修复项目', 'Seagrass and salt-marsh restoration projects'),
    "bluecarbon.project": ('项目', 'Project'),
    "bluecarbon.place": ('地点', 'Site'),
    "bluecarbon.area": ('面积', 'Area'),
    "bluecarbon.method": ('方法', 'Method'),
    "bluecarbon.planted": ('种植株数', 'Shoots planted'),
    "bluecarbon.seeds": ('播撒种子数', 'Seeds sown'),
    "bluecarbon.period": ('开始—结束', 'Start–end'),
    "bluecarbon.care": ('管护年限', 'Years of care'),
    "bluecarbon.thresholds": ('成活率阈值（植株／幼苗）', 'Survival thresholds (shoots / seedlings)'),
    "bluecarbon.date": ('监测日期', 'Survey date'),
    "bluecarbon.density": ('株密度（株/平方米）', 'Shoots per m²'),
    "bluecarbon.shoot": ('植株成活率', 'Shoot survival'),
    "bluecarbon.emergence": ('幼苗出苗率', 'Seedling emergence'),
    "bluecarbon.seedling": ('幼苗成活率', 'Seedling survival'),
    "bluecarbon.cover": ('覆盖度', 'Cover'),
    "bluecarbon.verdict": ('状态', 'Status'),
    "bluecarbon.range": ('年碳汇（吨CO2，低—中—高）', 'Yearly sink (t CO2, low–central–high)'),
    "bluecarbon.stock": ('现存生物量碳储量（一次性，吨CO2）', 'Standing biomass stock (one-off, t CO2)'),
    "bluecarbon.no_projects": ('所选地区尚未登记修复项目。', 'No restoration project stored for this region.'),
    "bluecarbon.upload": ('登记修复项目表', 'Store a restoration project workbook'),
    "bluecarbon.file": ('修复项目表（Excel 工作簿）', 'Project workbook (Excel)'),
    "bluecarbon.template": ('下载修复项目表模板', 'Download the workbook template'),
    "bluecarbon.store": ('登记', 'Store'),
    "bluecarbon.stored": ('已登记“{name}”，新增监测 {n} 次。', 'Stored “{name}”: {n} new survey(s).'),
    "bluecarbon.upload_note": ('同名项目再次登记只追加新日期的监测；项目参数或已登记监测的数值不同则整表拒绝，不改动已有数据。', 'A project stored again only adds surveys of new dates; different project figures or a changed stored survey refuse the whole workbook.'),
    "bluecarbon.years": ('年', 'years'),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "achieved": ("已完成", "achieved"),
    "on_track": ("进度正常", "on track"),  # the words of cocontrol.tracking.status and the reports
    "at_risk": ("存在风险", "at risk"),
    "off_track": ("严重滞后", "off track"),
    "no_data": ("无数据", "no data"),
}


def lang_of(request: Request) -> str:
    """``?lang=`` wins, then the ``lang`` cookie, then (for the JSON API only) the first of
    ``Accept-Language`` that is Chinese or English, then Chinese. Pages ignore the header: a
    browser set to English still opens the Chinese platform until its user switches."""
    lang = request.query_params.get("lang") or request.cookies.get("lang")
    if not lang and request.url.path.startswith("/api/"):
        lang = _accept_language(request.headers.get("accept-language", ""))
    return lang if lang in LANGS else "zh"


def _accept_language(header: str) -> str | None:
    """The language of ``Accept-Language`` with the highest weight among zh and en."""
    best: tuple[float, str] | None = None
    for part in header.split(","):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower()[:2]
        if code not in LANGS:
            continue
        try:
            q = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            q = 0.0
        if best is None or q > best[0]:
            best = (q, code)
    return best[1] if best else None


def words(prefix: str, lang: str, **shared: str) -> dict[str, str]:
    """The words of one page (``MESSAGES`` keys ``prefix.key``) as {key: text} in ``lang``, plus
    ``shared`` keys taken from the common messages (``region="region"`` → ``MESSAGES["region"]``)."""
    i = LANGS.index(lang) if lang in LANGS else 0
    out = {k[len(prefix) + 1:]: v[i] for k, v in MESSAGES.items() if k.startswith(prefix + ".")}
    return out | {k: MESSAGES[key][i] for k, key in shared.items()}


def translator(lang: str):  # type: ignore[no-untyped-def]
    i = LANGS.index(lang)

    def t(key: str) -> str:
        pair = MESSAGES.get(key) or STATUS_LABELS.get(key)
        return pair[i] if pair else key

    return t
