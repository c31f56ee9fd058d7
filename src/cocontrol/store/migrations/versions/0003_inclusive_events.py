"""碳普惠 batches and ledger; large events and retired credit serials

Revision ID: h9_inclusive
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "h9_inclusive"
down_revision = "h5_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inclusive_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("credited_g", sa.Float(), nullable=False),
        sa.Column("journal", sa.String(length=500), nullable=False),
        sa.Column("posted_by", sa.String(length=100), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inclusive_batches")),
        sa.UniqueConstraint("partner", "sha256", name=op.f("uq_inclusive_batches_partner")),
    )
    op.create_table(
        "partner_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_tokens")),
        sa.UniqueConstraint("partner", name=op.f("uq_partner_tokens_partner")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_partner_tokens_token_sha256")),
    )
    op.create_table(
        "inclusive_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("record_id", sa.String(length=100), nullable=False),
        sa.Column("person", sa.String(length=100), nullable=False),
        sa.Column("scene", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("credited_g", sa.Float(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["inclusive_batches.id"],
                                name=op.f("fk_inclusive_records_batch_id_inclusive_batches")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inclusive_records")),
        sa.UniqueConstraint("partner", "record_id", name=op.f("uq_inclusive_records_partner")),
    )
    op.create_index(op.f("ix_inclusive_records_person"), "inclusive_records", ["person"])
    op.create_table(
        "inclusive_ledger",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("amount_g", sa.Float(), nullable=False),
        sa.Column("reverses", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["reverses"], ["inclusive_ledger.seq"],
                                name=op.f("fk_inclusive_ledger_reverses_inclusive_ledger")),
        sa.ForeignKeyConstraint(["batch_id"], ["inclusive_batches.id"],
                                name=op.f("fk_inclusive_ledger_batch_id_inclusive_batches")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_inclusive_ledger")),
    )
    op.create_index(op.f("ix_inclusive_ledger_person"), "inclusive_ledger", ["person"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("total_t", sa.Float(), nullable=False),
        sa.Column("retired_t", sa.Float(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_table(
        "credit_retirements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=80), nullable=False),
        sa.Column("credit_type", sa.String(length=20), nullable=False),
        sa.Column("vintage", sa.String(length=10), nullable=False),
        sa.Column("quantity_t", sa.Float(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name=op.f("fk_credit_retirements_event_id_events")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_retirements")),
        sa.UniqueConstraint("serial", name=op.f("uq_credit_retirements_serial")),
    )


def downgrade() -> None:
    op.drop_table("credit_retirements")
    op.drop_table("events")
    op.drop_index(op.f("ix_inclusive_ledger_person"), table_name="inclusive_ledger")
    op.drop_table("inclusive_ledger")
    op.drop_index(op.f("ix_inclusive_records_person"), table_name="inclusive_records")
    op.drop_table("inclusive_records")
    op.drop_table("partner_tokens")
    op.drop_table("inclusive_batches")
