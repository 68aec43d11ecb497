"""How `make run` starts Rasa: API off unless a token is set; CORS from the environment."""

from deploy.commands import rasa_command


def command(env: dict) -> list[str]:
    return rasa_command("models", "endpoints.yml", "credentials.yml", 5005, env)


def test_http_api_is_off_by_default():
    cmd = command({})
    assert "--enable-api" not in cmd and "--auth-token" not in cmd


def test_token_turns_the_api_on_with_auth():
    cmd = command({"WAYFINDER_RASA_API_TOKEN": "from-env"})
    assert cmd[-3:] == ["--enable-api", "--auth-token", "from-env"]


def test_allowed_origins_come_from_the_environment():
    cmd = command({"WAYFINDER_CORS": "https://city.example"})
    assert cmd[cmd.index("--cors") + 1] == "https://city.example"
