"""spaCy side of plainspeak: the shipped pipeline, the tokenizer and ``plainspeak_*`` components."""
