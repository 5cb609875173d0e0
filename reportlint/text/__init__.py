"""The vocabulary of Chinese report text: its characters (`chars`) and numerals (`numerals`)."""
