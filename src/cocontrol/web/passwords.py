"""Password rules (密码规则), enforced whenever a password is set (new user, change, reset):

* at least :data:`MIN_LENGTH` characters (NIST SP 800-63B §5.1.1.2 asks for at least 8 for
  user-chosen secrets; this platform asks for 10);
* not one of the commonly used passwords in ``common_passwords.txt`` (compared ignoring case;
  sources and selection in the file's header);
* not the user name (nor containing a user name of 4 or more characters, ignoring case).
"""

from __future__ import annotations

import functools
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 200


@functools.cache
def common_passwords() -> frozenset[str]:
    """The refused common passwords, lower-cased."""
    lines = (Path(__file__).with_name("common_passwords.txt")).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str) -> str | None:
    """Why ``password`` may not be used by ``username`` (None: it may)."""
    if len(password) < MIN_LENGTH:
        return f"密码至少 {MIN_LENGTH} 个字符 / a password needs at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"密码至多 {MAX_LENGTH} 个字符 / a password has at most {MAX_LENGTH} characters"
    if password.strip().casefold() in common_passwords():
        return "该密码过于常见 / this password is too common"
    name = username.strip().casefold()
    if name and (password.casefold() == name or (len(name) >= 4 and name in password.casefold())):
        return "密码不能包含用户名 / a password may not contain the user name"
    return None
