"""Long requests off the event loop, with a bounded queue (长任务限流).

Plan extraction (reading a .docx/.pdf and finding its targets) can take seconds of CPU. It runs
in a worker thread so the event loop keeps answering every other request; at most
``Settings.work_slots`` run at once and as many more may wait for a slot — any further request
is refused at once with 503 (``busy``, ``Retry-After``) instead of piling up memory and threads.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from cocontrol.web.deps import WebError

T = TypeVar("T")


class WorkSlots:
    """``slots`` jobs at once, ``slots`` more waiting; the rest are refused."""

    def __init__(self, slots: int) -> None:
        self.slots = max(1, slots)
        self.admitted = 0
        self._semaphore: asyncio.Semaphore | None = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        if self.admitted >= 2 * self.slots:
            raise WebError(503, "busy", f"{self.admitted} long requests are running or waiting; try again shortly")
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.slots)
        self.admitted += 1
        try:
            async with self._semaphore:
                return await run_in_threadpool(fn, *args)
        finally:
            self.admitted -= 1


async def run_bounded(app: Any, fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(*args)`` in a worker thread within the app's :class:`WorkSlots`."""
    slots = getattr(app.state, "work", None)
    if slots is None:
        slots = app.state.work = WorkSlots(app.state.settings.work_slots)
    return await slots.run(fn, *args)
