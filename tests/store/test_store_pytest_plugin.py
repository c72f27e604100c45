"""The pytest helpers skip PostgreSQL tests without a server, except under CI where they fail."""

from __future__ import annotations

import pytest

from ilpcore.testing.pytest_store import POSTGRES_URL_ENV, in_ci, require_postgres_url


@pytest.mark.parametrize("ci", ["", "false"])
def test_no_server_skips_with_the_reason_locally(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    monkeypatch.delenv(POSTGRES_URL_ENV, raising=False)
    assert not in_ci()
    with pytest.raises(pytest.skip.Exception, match=f"{POSTGRES_URL_ENV} is not set"):
        require_postgres_url()


@pytest.mark.parametrize("ci", ["true", "1", "TRUE"])
def test_no_server_fails_under_ci(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    monkeypatch.delenv(POSTGRES_URL_ENV, raising=False)
    with pytest.raises(pytest.fail.Exception, match="CI=true: PostgreSQL tests must run"):
        require_postgres_url()


def test_an_unreachable_server_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "")
    monkeypatch.setenv(POSTGRES_URL_ENV, "postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(pytest.skip.Exception, match="not reachable"):
        require_postgres_url()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="not reachable"):
        require_postgres_url()
