"""Does each documented login load as JupyterHub loads it, with only settings its authenticator has?

The one-machine hub's own configuration (the roster) and the institutional logins in deploy/login/ are
loaded with traitlets' config loader; every section and key they set must name a real configurable trait,
so a misspelt setting fails here instead of being ignored with a warning on a class's first morning.
"""

from importlib.metadata import entry_points
from pathlib import Path

import pytest
from traitlets.config import Config, PyFileConfigLoader
from traitlets.utils.importstring import import_item

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
LOGINS = {
    "generic_oauth.py": {"PSOAS_OAUTH_PROVIDER": "https://login.example.edu/realms/teaching",
                         "PSOAS_OAUTH_CLIENT_ID": "psoas", "PSOAS_OAUTH_CLIENT_SECRET": "secret",
                         "PSOAS_OAUTH_COURSE_GROUP": "physio-2026"},
    "lti13.py": {"PSOAS_LTI_ISSUER": "https://moodle.example.edu", "PSOAS_LTI_CLIENT_ID": "abc123",
                 "PSOAS_LTI_AUTHORIZE_URL": "https://moodle.example.edu/mod/lti/auth.php",
                 "PSOAS_LTI_JWKS_URL": "https://moodle.example.edu/mod/lti/certs.php"},
}


def load(path: Path, monkeypatch, **env) -> Config:
    monkeypatch.setenv("PSOAS_HUB_HOME", "/opt/psoas-hub")
    monkeypatch.setenv("PSOAS_HUB_URL", "https://hub.example.edu")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    loader = PyFileConfigLoader(path.name, str(path.parent))
    return loader.load_config()


def authenticator(config: Config):
    name = config.JupyterHub.authenticator_class
    found = [entry for entry in entry_points(group="jupyterhub.authenticators") if entry.name == name]
    return found[0].load() if found else import_item(name)


def assert_every_setting_exists(config: Config, cls) -> None:
    """Each authenticator section of `config` is `cls` or one of its bases, and each key is a trait of it."""
    ancestry = {base.__name__: base for base in cls.mro() if hasattr(base, "class_traits")}
    for section, settings in config.items():
        if section in ("JupyterHub", "Spawner", "StudentSpawner", "ConfigurableHTTPProxy"):
            continue
        assert section in ancestry, f"{section} is not {cls.__name__} or a base of it"
        unknown = set(settings) - set(ancestry[section].class_traits(config=True))
        assert not unknown, f"{section} has no setting {sorted(unknown)}"


@pytest.mark.parametrize("name", sorted(LOGINS))
def test_an_institutional_login_sets_only_settings_its_authenticator_has(name, monkeypatch):
    config = load(DEPLOY / "login" / name, monkeypatch, **LOGINS[name])
    assert_every_setting_exists(config, authenticator(config))


def test_the_one_machine_hub_logs_in_from_the_roster_with_sign_up_off(monkeypatch):
    config = load(DEPLOY / "one-machine/jupyterhub_config.py", monkeypatch)
    cls = authenticator(config)
    assert cls.__name__ == "RosterAuthenticator"
    assert_every_setting_exists(config, cls)
    assert config.NativeAuthenticator.enable_signup is False
    assert config.NativeAuthenticator.allowed_failed_logins > 0
    assert "SharedPasswordAuthenticator" not in config


@pytest.mark.parametrize("name", sorted(LOGINS))
def test_the_one_machine_hub_takes_an_institutional_login_instead_of_the_roster(name, monkeypatch):
    config = load(DEPLOY / "one-machine/jupyterhub_config.py", monkeypatch,
                  PSOAS_HUB_LOGIN=str(DEPLOY / "login" / name), **LOGINS[name])
    cls = authenticator(config)
    assert cls.__name__ != "RosterAuthenticator"
    assert config.Authenticator.username_pattern  # accounts are still plain Unix names
