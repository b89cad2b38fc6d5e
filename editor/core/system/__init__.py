"""What the operating system offers every room: the CPU priority of background processes."""
