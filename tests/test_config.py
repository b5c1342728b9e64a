"""Config files: where they are found, what every key does, and errors naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from plainspeak.config import LIMIT_KEYS, find_config, load_config, settings_for
from plainspeak.errors import ConfigError
from plainspeak.findings import Severity
from plainspeak.loaders.limits import DEFAULT_LIMITS
from plainspeak.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"

FULL = '''
glossaries = ["glossaries/ours.yaml"]
shipped_glossaries = false
model = "./models/ours"
select = ["PS203"]
ignore = ["long-paragraph"]
fail_on = "warning"
accept = ["precept"]
names = ["Ashdown Ward"]
names_file = "names.txt"
widely_known = ["NHS"]
strict_sections = ["Summary", "What we ask"]
include = ["*.docx"]
exclude = ["drafts/**"]
jobs = 2
cache = false
ask_email = "ashdown-group@example.org"

[severity]
PS104 = "warning"

[rules.PS201]
hard_limit = 25

[limits]
timeout = 20
memory_mb = 800
max_pages = 300

[[overrides]]
paths = ["minutes/**"]
ignore = ["PS205"]
severity = { PS201 = "suggestion" }
'''


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_fills_settings(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", "# people\nJo Smith\n\nRiverside Trust  # a body\n")
    config = load_config(write(tmp_path / "plainspeak.toml", FULL))
    s, run = config.settings, config.run
    assert s.glossaries == [str(tmp_path / "glossaries" / "ours.yaml")]
    assert (s.use_shipped_glossaries, s.model) == (False, str(tmp_path / "models" / "ours"))
    assert (s.select, s.ignore, s.fail_on) == ({"PS203"}, {"PS205"}, Severity.WARNING)
    assert s.accepted_terms == {"precept"}
    assert s.names == {"Ashdown Ward", "Jo Smith", "Riverside Trust"}
    assert (s.widely_known, s.strict_sections) == ({"NHS"}, ("summary", "what we ask"))
    assert s.severities == {"PS104": Severity.WARNING}
    assert s.rule_options == {"PS201": {"hard_limit": 25}}
    assert (s.limits.timeout_s, s.limits.memory_mb, s.limits.max_pages) == (20.0, 800, 300)
    assert (run.include, run.exclude, run.jobs, run.cache) == (("*.docx",), ("drafts/**",), 2, False)
    assert run.ask_email == "ashdown-group@example.org"
    assert s.root == str(tmp_path)


def test_pyproject_table_and_nearest_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.plainspeak]\nfail_on = "never"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "no plainspeak table"\n')
    write(tmp_path / "sub" / "deeper" / "paper.md", "# Paper\n")
    found = find_config(tmp_path / "sub" / "deeper" / "paper.md")
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).settings.fail_on is None
    write(tmp_path / "sub" / "plainspeak.toml", 'fail_on = "suggestion"\n')
    assert find_config(tmp_path / "sub" / "deeper") == tmp_path / "sub" / "plainspeak.toml"


def test_no_config_means_defaults(tmp_path: Path) -> None:
    config = load_config(None)
    assert (config.path, config.settings.fail_on, config.run.cache) == (None, Severity.ERROR, True)


def test_documented_limits_are_the_defaults(tmp_path: Path) -> None:
    # The docs' [limits] table, keys in order and values, read back as the Limits defaults.
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    start = lines.index(next(line for line in lines if line.startswith("[limits]")))
    table = []
    for line in lines[start:]:
        if not line.strip() or (table and line.startswith("[")):
            break
        table.append(line)
    assert [line.split("=")[0].strip() for line in table[1:]] == list(LIMIT_KEYS)
    settings = load_config(write(tmp_path / "plainspeak.toml", "\n".join(table) + "\n")).settings
    assert settings.limits == DEFAULT_LIMITS == Settings().limits


def test_a_limit_is_set_by_its_config_key(tmp_path: Path) -> None:
    config = "[limits]\nmax_text_mb = 1\ntimeout = 5\n"
    settings = load_config(write(tmp_path / "plainspeak.toml", config)).settings
    assert (settings.limits.timeout_s, settings.limits.max_text_mb) == (5.0, 1.0)
    assert settings.limits.max_pages == DEFAULT_LIMITS.max_pages


@pytest.mark.parametrize("key, value, allowed", [
    ("timeout", "nan", "a number above 0 and at most 1,000,000 (seconds), got nan"),
    ("timeout", "inf", "a number above 0 and at most 1,000,000 (seconds), got inf"),
    ("timeout", "0", "a number above 0 and at most 1,000,000 (seconds), got 0"),
    ("max_file_mb", "inf", "a number above 0 and at most 1,048,576 (MB), got inf"),
    ("max_file_mb", "-nan", "a number above 0 and at most 1,048,576 (MB), got nan"),
    ("max_inflated_mb", "1e300", "a number above 0 and at most 1,048,576 (MB), got 1e+300"),
    ("max_text_mb", "-0.5", "a number above 0 and at most 1,048,576 (MB), got -0.5"),
    ("memory_mb", "1e300", "a whole number from 1 to 1,048,576 (MB), got 1e+300"),
    ("memory_mb", "9223372036854775807", "a whole number from 1 to 1,048,576 (MB), got 9223372036854775807"),
    ("memory_mb", "800.5", "a whole number from 1 to 1,048,576 (MB), got 800.5"),
    ("max_pages", "1e400", "a whole number from 1 to 1,000,000 (pages), got inf"),
    ("max_pages", "-3", "a whole number from 1 to 1,000,000 (pages), got -3"),
    ("max_pages", "true", "a whole number from 1 to 1,000,000 (pages), got True"),
    ("max_pages", '"2000"', "a whole number from 1 to 1,000,000 (pages), got '2000'"),
])
def test_a_limit_out_of_range_names_the_key_and_the_range(tmp_path: Path, key: str, value: str,
                                                           allowed: str) -> None:
    file = write(tmp_path / "plainspeak.toml", f"[limits]\n{key} = {value}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(file)
    assert caught.value.line() == (f"{file}: the configuration is not valid (key 'limits.{key}': expected "
                                   f"{allowed}) [E202] - fix the setting named in the config file")
    assert caught.value.exit_code == 2


def test_limits_at_the_ends_of_their_ranges_are_kept(tmp_path: Path) -> None:
    config = ("[limits]\ntimeout = 1_000_000\nmemory_mb = 800.0\nmax_file_mb = 1_048_576\n"
              "max_inflated_mb = 0.5\nmax_pages = 1\nmax_text_mb = 1e-3\n")
    limits = load_config(write(tmp_path / "plainspeak.toml", config)).settings.limits
    assert (limits.timeout_s, limits.memory_mb, limits.max_file_mb, limits.max_inflated_mb, limits.max_pages,
            limits.max_text_mb) == (1_000_000.0, 800, 1_048_576.0, 0.5, 1, 0.001)
    assert type(limits.memory_mb) is int and type(limits.max_pages) is int and type(limits.timeout_s) is float
    assert limits.max_file_bytes == 1024 ** 4 and limits.max_text_chars == 1048


@pytest.mark.parametrize("text, message", [
    ('colour = "red"\n', "key 'colour': unknown setting"),
    ('ignore = ["PS999"]\n', "key 'ignore': no rule called 'PS999'"),
    ('fail_on = "sometimes"\n', "key 'fail_on': 'sometimes' is not error, warning or suggestion"),
    ('[rules.PS201]\nhard_limitz = 3\n', "key 'rules.PS201.hard_limitz': the rule has no such option"),
    ('[rules.PS201]\nhard_limit = "25"\n', "key 'rules.PS201.hard_limit': expected a number like the default"),
    ('[severity]\nPS104 = "loud"\n', "key 'severity.PS104': 'loud' is not error, warning or suggestion"),
    ('[limits]\ntimeout = -1\n', "key 'limits.timeout': expected a number above 0 and at most 1,000,000 "
                                 "(seconds), got -1"),
    ('[limits]\ntimeout = 1e9\n', "key 'limits.timeout': expected a number above 0 and at most 1,000,000 "
                                  "(seconds), got 1000000000.0"),
    ('[[overrides]]\nignore = ["PS205"]\n', "key 'overrides.0.paths': every override needs paths"),
    ('accept = "precept"\n', "key 'accept': expected a list of strings"),
    ('names_file = "missing.txt"\n', "key 'names_file': cannot read"),
    ('jobs = 0\n', "key 'jobs': expected a whole number of 1 or more"),
    ('ask_email = "group@example.org?cc=all@example.org"\n',
     "key 'ask_email': expected one email address, such as group@example.org"),
    ('ask_email = ["group@example.org"]\n', "key 'ask_email': expected an email address"),
    ("fail_on = \n", "not valid TOML"),
])
def test_errors_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    file = write(tmp_path / "plainspeak.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(file)
    line = caught.value.line()
    assert line.startswith(f"{file}: the configuration is not valid (")
    assert message in line and "[E202]" in line


def test_pyproject_errors_give_the_full_key(tmp_path: Path) -> None:
    file = write(tmp_path / "pyproject.toml", "[tool.plainspeak.rules.PS201]\nhard_limit = true\n")
    with pytest.raises(ConfigError, match=r"key 'tool.plainspeak.rules.PS201.hard_limit'"):
        load_config(file)


def test_overrides_apply_by_glob_in_order(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", "Jo Smith\n")
    write(tmp_path / "plainspeak.toml", FULL + '''
[[overrides]]
paths = ["minutes/2024/*.md"]
select = ["PS205"]
accept = ["outturn"]
[overrides.rules.PS201]
hard_limit = 40
''')
    settings = load_config(tmp_path / "plainspeak.toml").settings
    other = settings_for(settings, tmp_path / "reports" / "a.md")
    assert other is settings
    minutes = settings_for(settings, tmp_path / "minutes" / "2023" / "a.md")
    assert "PS205" in minutes.ignore and minutes.severities["PS201"] is Severity.SUGGESTION
    latest = settings_for(settings, tmp_path / "minutes" / "2024" / "a.md")
    assert "PS205" not in latest.ignore and "PS205" in latest.select
    assert latest.rule_options["PS201"] == {"hard_limit": 40}
    assert latest.accepted_terms == {"precept", "outturn"}
    assert settings.ignore == {"PS205"} and settings.rule_options["PS201"] == {"hard_limit": 25}
    assert latest.cache_key() != settings.cache_key()


def test_the_documented_example_is_valid(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"
    example = docs.read_text(encoding="utf-8").split("```toml\n", 1)[1].split("```", 1)[0]
    write(tmp_path / "names.txt", "Jo Smith\n")
    config = load_config(write(tmp_path / "plainspeak.toml", example))
    assert config.settings.rule_options["PS201"] == {"hard_limit": 35, "strict_hard_limit": 25}
    assert len(config.settings.overrides) == 2
    easy = settings_for(config.settings, tmp_path / "easy-read" / "a.md")
    assert easy.rule_options["PS201"]["hard_limit"] == 15 and easy.severities["PS201"] is Severity.ERROR


def test_a_folder_that_cannot_be_looked_in_has_no_config_to_find(tmp_path, monkeypatch):
    # Path.is_file raises PermissionError (not False) in a folder one may not search:
    # "check lockedfolder" ended in "unexpected error" instead of the folder's own E117.
    from pathlib import Path

    from plainspeak.config import find_config

    locked = tmp_path / "locked"
    locked.mkdir()
    real = Path.is_file

    def is_file(self):
        if locked in (self, *self.parents):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    (tmp_path / "plainspeak.toml").write_text("select = []\n", encoding="utf-8")
    assert find_config(locked / "paper.docx") == tmp_path / "plainspeak.toml"
