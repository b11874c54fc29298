"""Files in and out: CSV, text and JSON import; CSV, JSON and Markdown export."""
