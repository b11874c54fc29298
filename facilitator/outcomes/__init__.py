"""What a workshop decided and who does what next: decisions (決定事項) and action items (宿題).

Captured in any session while the board stays in view, listed and ticked off
in a panel, printed in the minutes grouped by session
(:mod:`facilitator.outcomes.items`).
"""
