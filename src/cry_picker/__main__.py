"""`python -m cry_picker`."""

from cry_picker.cli import main

main()
