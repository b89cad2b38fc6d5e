"""Never lose a word: the journal of unsaved text, local history of saved versions, and locks (no Qt)."""
