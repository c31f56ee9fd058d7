"""restoration projects and surveys; event period, venue and interval for the certificate

Revision ID: hi_restoration
Revises: hg_facilities
"""

import sqlalchemy as sa
from alembic import op

revision = "hi_restoration"
down_revision = "hg_facilities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "restoration_projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sink_type", sa.String(length=20), nullable=False),
        sa.Column("site", sa.String(length=300), nullable=False),
        sa.Column("method", sa.String(length=200), nullable=False),
        sa.Column("area_ha", sa.Float(), nullable=False),
        sa.Column("shoots_planted", sa.Float(), nullable=True),
        sa.Column("seeds_sown", sa.Float(), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("care_years", sa.Float(), nullable=False),
        sa.Column("shoot_threshold", sa.Float(), nullable=False),
        sa.Column("seedling_threshold", sa.Float(), nullable=False),
        sa.Column("pre_project_cover", sa.Float(), nullable=True),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restoration_projects")),
        sa.UniqueConstraint("region", "name", name=op.f("uq_restoration_projects_region")),
    )
    op.create_table(
        "restoration_surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("shoot_density", sa.Float(), nullable=True),
        sa.Column("shoot_survival", sa.Float(), nullable=True),
        sa.Column("seedling_emergence", sa.Float(), nullable=True),
        sa.Column("seedling_survival", sa.Float(), nullable=True),
        sa.Column("cover", sa.Float(), nullable=True),
        sa.Column("biomass", sa.Float(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["restoration_projects.id"],
                                name=op.f("fk_restoration_surveys_project_id_restoration_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restoration_surveys")),
        sa.UniqueConstraint("project_id", "date", name=op.f("uq_restoration_surveys_project_id")),
    )
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("details", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("details")
    op.drop_table("restoration_surveys")
    op.drop_table("restoration_projects")
