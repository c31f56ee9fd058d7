"""Web platform (网页平台): FastAPI app, Jinja2 pages, ECharts, auth and roles."""
