"""IATI 2.03: publish programmes and their results as ``iati-activities`` files, and read the
files other publishers write (docs/iati.md)."""
