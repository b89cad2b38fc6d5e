"""The copy desk: Arabic typography and spelling checks that return findings with fixes (no Qt)."""
