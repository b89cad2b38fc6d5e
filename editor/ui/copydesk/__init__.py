"""The copy desk in the editor: underlines, tooltips, fixes in the context menu, findings panel."""
