"""Review panels: trajectory replay and ranking tables of workers and units."""
