"""Asking a run's tables: queries, the fact-check, the HTML report, evaluation against gold."""
