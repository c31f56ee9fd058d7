"""Storage (业务数据库): SQLAlchemy 2 models, shipped Alembic migrations, plans, audit log.

SQLite file ``$COCONTROL_HOME/cocontrol.db`` by default, PostgreSQL by ``COCONTROL_DATABASE_URL``.
"""
