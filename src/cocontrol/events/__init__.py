"""Large events (大型活动): footprint by the MEE 2019 guideline, offsets, neutrality.

:mod:`~cocontrol.events.footprint` is the pure account; :mod:`~cocontrol.events.workbook`
reads and writes the organiser's workbook; retirements of credit serials are kept in the store
(:mod:`cocontrol.store.events`) so that a serial retired once is never accepted again.
"""
