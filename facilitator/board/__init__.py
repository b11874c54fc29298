"""The graphic-recording board: where new notes go, what frames and notes carry along."""
