"""Reports (报告): the annual evaluation and the dispatch table in Word, HTML, PDF and Excel.

* :func:`cocontrol.reports.build.annual_report` / :func:`~cocontrol.reports.build.dispatch_report`
  — build a :class:`~cocontrol.reports.model.Report` from a workspace (demo by default);
* :func:`cocontrol.reports.write.write_report` — write it as .docx/.html/.pdf/.xlsx, atomically;
* :mod:`.model` (report as data), :mod:`.charts` (matplotlib PNGs with a CJK font), one writer
  module per format (:mod:`.docx`, :mod:`.html`, :mod:`.pdf`, :mod:`.xlsx`).
"""
