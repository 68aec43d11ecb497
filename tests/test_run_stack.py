"""How `make run` starts Rasa: API off unless a token is set; CORS from the environment."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location("run_stack", Path(__file__).resolve().parents[1] / "scripts" / "run_stack.py")
run_stack = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_stack)


def test_http_api_is_off_by_default():
    command = run_stack.rasa_command(run_stack.parse_args([]), {})
    assert "--enable-api" not in command and "--auth-token" not in command


def test_token_turns_the_api_on_with_auth():
    command = run_stack.rasa_command(run_stack.parse_args([]), {"WAYFINDER_RASA_API_TOKEN": "from-env"})
    assert command[-3:] == ["--enable-api", "--auth-token", "from-env"]


def test_allowed_origins_come_from_the_environment():
    command = run_stack.rasa_command(run_stack.parse_args([]), {"WAYFINDER_CORS": "https://city.example"})
    assert command[command.index("--cors") + 1] == "https://city.example"
