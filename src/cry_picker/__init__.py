"""cry-picker: find a Korean drama that will make you cry."""

__version__ = "0.1.0"
