"""What, beyond the settings, can change a paper's findings: code, glossaries, model."""

from __future__ import annotations

import hashlib
from pathlib import Path

from plainspeak import __version__
from plainspeak.settings import Settings


def run_key(settings: Settings) -> str:
    """A hash of plainspeak's version and code, the glossary files and the model."""
    parts = [f"version={__version__}", f"code={code_stamp()}",
             f"glossaries={glossary_hashes(settings)}", f"model={model_id(settings.model)}"]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


# The parts of the package that decide a paper's findings; the web page, the
# writers and the reporters only show results, so their edits keep the cache.
FINDING_PACKAGES = ("loaders", "nlp", "readability", "rules", "terms", "glossary", "data")


def code_stamp() -> str:
    """The package's own files that decide findings: a checkout's edits count without a new version."""
    import plainspeak

    root = Path(plainspeak.__file__).parent
    files = [*root.glob("*.py")]
    for package in FINDING_PACKAGES:
        files.extend(root.joinpath(package).rglob("*"))
    digest = hashlib.sha256()
    for file in sorted(files):
        if file.suffix in (".py", ".txt", ".yaml", ".json") and "__pycache__" not in file.parts:
            digest.update(f"{file.relative_to(root)}\n".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def glossary_hashes(settings: Settings) -> list[str]:
    """The contents of every glossary in force, shipped and the user's, in order."""
    from plainspeak.cache import file_sha256

    paths: list[Path] = []
    if settings.use_shipped_glossaries:
        from plainspeak.glossary.load import shipped_glossary_paths

        paths.extend(shipped_glossary_paths())
    paths.extend(Path(p) for p in settings.glossaries)
    return [f"{p.name}:{file_sha256(p)}" for p in paths]


def model_id(model: str | None) -> str:
    """The model's name and version, and the sizes and times of its files when it is a folder."""
    from plainspeak import resources

    folder = resources.model_path() if model is None else Path(model)
    if folder.is_dir():
        digest = hashlib.sha256()
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                stat = file.stat()
                digest.update(f"{file.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
        return f"{folder}:{digest.hexdigest()}"
    try:
        from importlib.metadata import version

        return f"{model}=={version(str(model))}"
    except Exception:  # noqa: BLE001 - not an installed package: its name is all there is
        return str(model)
