"""enterprise registry: facilities (units, boilers, kilns) and stacks

Revision ID: hg_facilities
Revises: h8_enterprises
"""

import sqlalchemy as sa
from alembic import op

revision = "hg_facilities"
down_revision = "h8_enterprises"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enterprise_facilities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_code", sa.String(length=50), nullable=False),
        sa.Column("facility_id", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("capacity", sa.Float(), nullable=False),
        sa.Column("capacity_unit", sa.String(length=20), nullable=False),
        sa.Column("design_hours", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_facilities")),
        sa.UniqueConstraint("enterprise_code", "facility_id",
                            name=op.f("uq_enterprise_facilities_enterprise_code")),
    )
    op.create_index(op.f("ix_enterprise_facilities_enterprise_code"), "enterprise_facilities",
                    ["enterprise_code"])
    op.create_table(
        "enterprise_stacks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_code", sa.String(length=50), nullable=False),
        sa.Column("stack_id", sa.String(length=50), nullable=False),
        sa.Column("facility_ids", sa.JSON(), nullable=False),
        sa.Column("height", sa.Float(), nullable=True),
        sa.Column("permit_outlet_id", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_stacks")),
        sa.UniqueConstraint("enterprise_code", "stack_id",
                            name=op.f("uq_enterprise_stacks_enterprise_code")),
    )
    op.create_index(op.f("ix_enterprise_stacks_enterprise_code"), "enterprise_stacks",
                    ["enterprise_code"])


def downgrade() -> None:
    op.drop_index(op.f("ix_enterprise_stacks_enterprise_code"), table_name="enterprise_stacks")
    op.drop_table("enterprise_stacks")
    op.drop_index(op.f("ix_enterprise_facilities_enterprise_code"),
                  table_name="enterprise_facilities")
    op.drop_table("enterprise_facilities")
