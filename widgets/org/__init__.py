"""The org tree panel: the units of the jurisdiction with their counts, filterable."""
