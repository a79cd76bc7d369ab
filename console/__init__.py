"""Pingan Console core: domain rules, services over the database, importers and Qt models. No widgets here."""

# The one version source: pyproject.toml reads it, and so do the PyInstaller spec, the Linux archive name and
# the Windows installer script (packaging/version.py renders them).
__version__ = "0.1.0"
