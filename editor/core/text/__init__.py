"""What every room of the core uses: the direction model, Arabic normalisation and counting, find rules, messages.

Imports no other room of the core."""
