from plainspeak.cli import run

run()
