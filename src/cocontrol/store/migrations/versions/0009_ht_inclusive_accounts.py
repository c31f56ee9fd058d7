"""碳普惠 accounts are (partner, person): every ledger entry carries its partner system; person
tokens let a person read and redeem their own account

Two partner systems may send the same pseudonymous id for two different people, so the ledger
keys accounts by partner and person. Existing entries are all kept: an issue entry takes the
partner of its batch; a redemption or expiry without a batch that of the person's latest issue;
a correction that of the entry it reverses.

Revision ID: ht_inclusive_accounts
Revises: hh_inclusive_regions
"""

import sqlalchemy as sa
from alembic import op

revision = "ht_inclusive_accounts"
down_revision = "hh_inclusive_regions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inclusive_ledger") as batch:
        batch.add_column(sa.Column("partner", sa.String(length=100), nullable=False,
                                   server_default=""))
    op.create_index(op.f("ix_inclusive_ledger_partner"), "inclusive_ledger", ["partner"])
    op.execute("UPDATE inclusive_ledger SET partner = COALESCE((SELECT b.partner FROM "
               "inclusive_batches b WHERE b.id = inclusive_ledger.batch_id), '') "
               "WHERE batch_id IS NOT NULL")
    op.execute("UPDATE inclusive_ledger SET partner = COALESCE((SELECT i.partner FROM "
               "inclusive_ledger i WHERE i.person = inclusive_ledger.person AND "
               "i.batch_id IS NOT NULL ORDER BY i.seq DESC LIMIT 1), '') "
               "WHERE batch_id IS NULL AND kind <> 'correct'")
    op.execute("UPDATE inclusive_ledger SET partner = COALESCE((SELECT r.partner FROM "
               "inclusive_ledger r WHERE r.seq = inclusive_ledger.reverses), '') "
               "WHERE kind = 'correct'")
    op.create_table(
        "inclusive_person_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("person", sa.String(length=100), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inclusive_person_tokens")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_inclusive_person_tokens_token_sha256")),
    )
    op.create_index(op.f("ix_inclusive_person_tokens_person"), "inclusive_person_tokens",
                    ["person"])


def downgrade() -> None:
    op.drop_index(op.f("ix_inclusive_person_tokens_person"), table_name="inclusive_person_tokens")
    op.drop_table("inclusive_person_tokens")
    op.drop_index(op.f("ix_inclusive_ledger_partner"), table_name="inclusive_ledger")
    with op.batch_alter_table("inclusive_ledger") as batch:
        batch.drop_column("partner")
