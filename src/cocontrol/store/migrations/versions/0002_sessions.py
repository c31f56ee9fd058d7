"""users.session_gen: a per-user session generation (logout, password change and
deactivation end every session signed with an older generation)

Revision ID: h5_sessions
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "h5_sessions"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_gen", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_gen")
