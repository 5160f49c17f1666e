"""Quality measurements of the charter engine: labelled French data (dev split) and the demo
seeds' golden verdicts. Nothing here runs at import."""
