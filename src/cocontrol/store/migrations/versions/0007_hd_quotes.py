"""targets.quotes / targets.spans: the other statements of a target stated more than once
(issue 10: 主要目标 and its task, a table row and its prose are one target with both quotes)

Revision ID: hd_quotes
Revises: hi_restoration
"""

import sqlalchemy as sa
from alembic import op

revision = "hd_quotes"
down_revision = "hi_restoration"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quotes", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("spans", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.drop_column("spans")
        batch_op.drop_column("quotes")
