"""The scaled shape's configuration: external servers from the environment, a valid
nginx configuration that routes by conversation."""

from __future__ import annotations

import subprocess

import pytest

from deploy import services
from deploy.scaled import Ports, ScaledStack


def test_external_servers_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WAYFINDER_DB_URL", "postgresql://app:<password>@db.internal/wayfinder")
    monkeypatch.setenv("WAYFINDER_REDIS_URL", "redis://:<password>@redis.internal:6379/1")
    stack = ScaledStack(3, folder=tmp_path)
    assert stack.postgres is None and stack.redis is None  # nothing local is started
    env = stack.env(2)
    assert env["WAYFINDER_DB_URL"] == "postgresql://app:<password>@db.internal/wayfinder"
    assert env["WAYFINDER_REDIS_URL"] == "redis://:<password>@redis.internal:6379/1"
    assert env["WAYFINDER_ACTIONS_URL"].endswith(":5202/webhook")  # replica 2 -> action server 2
    assert env["WAYFINDER_REQUIRE_REDIS"] == "1"


def test_local_servers_get_generated_passwords_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("WAYFINDER_DB_URL", raising=False)
    monkeypatch.delenv("WAYFINDER_REDIS_URL", raising=False)
    stack = ScaledStack(2, folder=tmp_path, ports=Ports(postgres=6543, redis=6544))
    assert stack.postgres.password and stack.postgres.password in stack.env()["WAYFINDER_DB_URL"]
    assert (tmp_path / "postgres.secret").stat().st_mode & 0o077 == 0
    assert ScaledStack(2, folder=tmp_path).postgres.password == stack.postgres.password  # kept


def test_nginx_routes_each_replica_and_the_configuration_is_valid(tmp_path):
    nginx = services.Nginx(tmp_path, 5005, [5100, 5101])
    conf = nginx.config()
    assert conf.count("server 127.0.0.1:5100") == 2 and conf.count("server 127.0.0.1:5101") == 2
    assert "hash $wayfinder_sender consistent" in conf and "hash $wayfinder_session consistent" in conf
    assert "access_log off" in conf
    if not services.binary("nginx"):
        pytest.skip("nginx is not installed")
    command = nginx.command()
    result = subprocess.run([command[0], "-t", *command[1:5]], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
