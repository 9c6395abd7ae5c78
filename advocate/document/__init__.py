"""The document tree: what the parse stage builds from drafted Markdown and every renderer reads."""
