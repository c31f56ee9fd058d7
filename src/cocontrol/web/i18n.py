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
    "history": ("填报记录", "Submission history"),
    "forecast": ("趋势与预测", "Trend and forecast"),
    "submit": ("提交", "Submit"),
    "submit_progress": ("填报进展", "Submit progress"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "period": ("年度", "Period"),
    "note": ("说明", "Note"),
    "evidence": ("佐证材料", "Evidence"),
    "warnings": ("预警", "Warnings"),
    "withdraw": ("撤回", "Withdraw"),
    "withdrawn": ("已撤回", "Withdrawn"),
    "save": ("保存", "Save"),
    "confirm": ("确认入库", "Confirm and store"),
    "upload": ("上传", "Upload"),
    "conflict": ("保存冲突：他人已修改此记录", "Conflict: someone else changed this record"),
    "saved": ("已保存", "Saved"),
    "progress": ("进度（%）", "Progress (%)"),
    "users": ("用户", "Users"),
    "departments": ("部门", "Departments"),
    "regions": ("地区", "Regions"),
    "role": ("角色", "Role"),
    "active": ("启用", "Active"),
    "annual_report": ("年度评价报告", "Annual evaluation report"),
    "dispatch": ("调度表", "Dispatch table"),
    "download": ("下载", "Download"),
    "sector": ("部门", "Sector"),
    "fuel": ("燃料", "Fuel"),
    "species": ("物种", "Species"),
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
    "showing_previous": ("页面显示的是上次计算的结果，完成后自动更新", "Showing the previous results; the page updates when done"),
    "first_compute": ("首次计算尚未完成，完成后自动显示", "The first calculation is still running; results appear when done"),
    "regions_done": ("个地区已完成", "regions done"),
    "step": ("步骤", "Step"),
    "retry": ("重试", "Retry"),
    "queued": ("排队中", "queued"),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "achieved": ("已完成", "achieved"),
    "on_track": ("进展顺利", "on track"),
    "at_risk": ("存在风险", "at risk"),
    "off_track": ("进度滞后", "off track"),
    "no_data": ("无数据", "no data"),
}


def lang_of(request: Request) -> str:
    """``?lang=`` wins, then the ``lang`` cookie, then Chinese."""
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
    return lang if lang in LANGS else "zh"


def translator(lang: str):  # type: ignore[no-untyped-def]
    i = LANGS.index(lang)

    def t(key: str) -> str:
        pair = MESSAGES.get(key) or STATUS_LABELS.get(key)
        return pair[i] if pair else key

    return t
