"""Across articles: duplicates, unit names grouped across articles, support and conflicts."""
