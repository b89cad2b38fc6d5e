"""What every UI room uses: translation helpers, settings, small layouts."""
