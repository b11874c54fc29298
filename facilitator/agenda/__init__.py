"""The agenda: the plan and its replanning, the room clock, templates, planned vs actual (予実)."""
