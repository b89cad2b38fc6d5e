"""The live preview pane and the work done after typing pauses (rendering, counts) in a worker."""
