"""Form posts carry printable text only (表单文本检查).

The JSON API refuses NUL in its bodies (:mod:`cocontrol.web.body`); HTML forms (URL-encoded or
multipart, also the file names of uploads) are checked here, once for every route, as an app
dependency that runs before any handler: PostgreSQL refuses NUL in text columns (a name with
NUL would fail deep in a query instead of at the edge), and no name, note or id needs a control
character. Tab, line feed and carriage return are text (a note may have several lines).
A post with one is refused with 422 before anything is stored, in the page's language.
"""

from __future__ import annotations

import re

from starlette.datastructures import UploadFile
from starlette.requests import Request

from cocontrol.web.deps import WebError
from cocontrol.web.i18n import MESSAGES

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 control characters and DEL, except tab, line feed and carriage return."""


def control_field(items: list[tuple[str, object]]) -> str | None:
    """The name of the first field whose name, text or upload file name has a control
    character, else ``None``."""
    for key, value in items:
        text = value.filename or "" if isinstance(value, UploadFile) else str(value)
        if CONTROL.search(key) or CONTROL.search(text):
            return key
    return None


async def form_text_check(request: Request) -> None:
    """Refuse (422) an HTML form post with a control character (NUL …) in any field."""
    if request.method not in UNSAFE or not request.headers.get("content-type", "").startswith(FORM_TYPES):
        return
    key = control_field(list((await request.form()).multi_items()))
    if key is None:
        return
    zh, en = MESSAGES.get(key, ("", ""))
    raise WebError(422, "invalid", (
        f"{'“' + zh + '”' if zh else '表单'}含有不可见的控制字符（如 NUL），未保存任何内容；请删去后重新提交。",
        f"{'“' + en + '”' if en else 'The form'} has an invisible control character (such as NUL); "
        "nothing was stored. Remove it and submit again."))
