"""The main window: layout and wiring, actions and menus, dialogs, status bar."""
