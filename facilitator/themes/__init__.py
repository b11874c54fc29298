"""Themes: text features and the sentence encoder, clustering, 表札 labels, proposals, acceptance, voting."""
