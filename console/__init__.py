"""Pingan Console core: domain rules, services over the database, importers and Qt models. No widgets here."""
