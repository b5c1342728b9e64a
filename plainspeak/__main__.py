from plainspeak.cli import main

main()
