"""Review: suggestions, the decisions session, and the walk-through."""
