"""Export from the window: PDF and print (Qt), Word, HTML, Copy for CMS; File-menu wiring."""
