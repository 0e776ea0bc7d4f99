from showcase.cli import entry

entry()
