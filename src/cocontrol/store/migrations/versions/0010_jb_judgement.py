"""A submission may carry a judgement (完成/进展正常/存在风险/未完成)

Qualitative targets (完成上级分解任务, 稳中向好 …) are judged from a reported judgement, not a
number; the platform had nowhere to keep one, so such targets stayed 无数据 beside a number.
Existing submissions keep their values (the new column is empty).

Revision ID: jb_judgement
Revises: ht_inclusive_accounts
"""

import sqlalchemy as sa
from alembic import op

revision = "jb_judgement"
down_revision = "ht_inclusive_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("judgement", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("judgement")
