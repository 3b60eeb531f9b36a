"""The program's name and version: what every table's metadata, the report and ``--version`` give."""

__version__ = "0.1.0"
