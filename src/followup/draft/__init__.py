"""Draft: the new formal 質問書 as a Word document (or a Markdown preview)."""
