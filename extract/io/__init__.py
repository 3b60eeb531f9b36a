"""The output tables: their pyarrow schema, writing part files, reading a run back."""
