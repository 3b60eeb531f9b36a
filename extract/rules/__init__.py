"""The rule files of patterns/, read and validated once."""
