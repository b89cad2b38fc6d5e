"""Recovery in the window: the journal keeper, the restore prompt, history, quitting on signals."""
