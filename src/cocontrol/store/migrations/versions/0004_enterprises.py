"""enterprise co-verification: members, submissions, findings queue, carbon accounts

Revision ID: h8_enterprises
Revises: h9_inclusive
"""

import sqlalchemy as sa
from alembic import op

revision = "h8_enterprises"
down_revision = "h9_inclusive"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enterprise_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("enterprise_code", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"],
                                name=op.f("fk_enterprise_members_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_members")),
        sa.UniqueConstraint("user_id", name=op.f("uq_enterprise_members_user_id")),
    )
    op.create_index(op.f("ix_enterprise_members_enterprise_code"), "enterprise_members",
                    ["enterprise_code"])
    op.create_table(
        "enterprise_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_code", sa.String(length=50), nullable=False),
        sa.Column("submitted_by", sa.String(length=100), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_submissions")),
    )
    op.create_index(op.f("ix_enterprise_submissions_enterprise_code"), "enterprise_submissions",
                    ["enterprise_code"])
    op.create_table(
        "verification_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("enterprise_code", sa.String(length=50), nullable=False),
        sa.Column("facility_id", sa.String(length=50), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=50), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("assignee", sa.String(length=100), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_findings")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_verification_findings_fingerprint")),
    )
    op.create_index(op.f("ix_verification_findings_enterprise_code"), "verification_findings",
                    ["enterprise_code"])
    op.create_table(
        "enterprise_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_code", sa.String(length=50), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("industry", sa.String(length=10), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_accounts")),
        sa.UniqueConstraint("enterprise_code", "year",
                            name=op.f("uq_enterprise_accounts_enterprise_code")),
    )
    op.create_index(op.f("ix_enterprise_accounts_enterprise_code"), "enterprise_accounts",
                    ["enterprise_code"])


def downgrade() -> None:
    for table in ("enterprise_accounts", "verification_findings", "enterprise_submissions",
                  "enterprise_members"):
        op.drop_table(table)
