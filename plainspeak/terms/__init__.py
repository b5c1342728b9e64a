"""Terms and definitions: how plainspeak decides which words a reader needs explained.

The pipeline components in ``plainspeak.nlp`` find glossary terms, acronyms,
candidate jargon and the paper's own definitions in each block; the modules
here turn those per-block annotations into paper-level facts (what is defined
where, what is first used where) that the PS1xx rules read.
"""
