"""Dashboards and documents: reads every app, owns no domain rule."""
