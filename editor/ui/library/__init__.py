"""The library side panel: article list, its model and controller, the tag panel, the trash."""
