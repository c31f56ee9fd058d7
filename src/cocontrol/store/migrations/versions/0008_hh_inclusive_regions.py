"""碳普惠: trip times of API-credited records (overlap across batches); every ledger entry
carries its region (the bureau's totals include redemptions of people credited by files)

Revision ID: hh_inclusive_regions
Revises: hd_quotes
"""

import sqlalchemy as sa
from alembic import op

revision = "hh_inclusive_regions"
down_revision = "hd_quotes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inclusive_records") as batch:
        batch.add_column(sa.Column("started_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("ended_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("inclusive_ledger") as batch:
        batch.add_column(sa.Column("region", sa.String(length=100), nullable=False,
                                   server_default=""))
    op.create_index(op.f("ix_inclusive_ledger_region"), "inclusive_ledger", ["region"])
    # entries of a batch take the batch's region; the others that of the person's issues
    op.execute("UPDATE inclusive_ledger SET region = COALESCE((SELECT b.region FROM "
               "inclusive_batches b WHERE b.id = inclusive_ledger.batch_id), '') "
               "WHERE batch_id IS NOT NULL")
    op.execute("UPDATE inclusive_ledger SET region = COALESCE((SELECT MAX(i.region) FROM "
               "inclusive_ledger i WHERE i.person = inclusive_ledger.person AND "
               "i.batch_id IS NOT NULL), '') WHERE batch_id IS NULL")


def downgrade() -> None:
    op.drop_index(op.f("ix_inclusive_ledger_region"), table_name="inclusive_ledger")
    with op.batch_alter_table("inclusive_ledger") as batch:
        batch.drop_column("region")
    with op.batch_alter_table("inclusive_records") as batch:
        batch.drop_column("ended_at")
        batch.drop_column("started_at")
