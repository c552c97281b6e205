"""The production-like set-up stays valid (Docker itself is not available on this machine)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


def test_docker_compose_describes_postgres_redis_web_worker_and_beat():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert set(compose["services"]) == {"postgres", "redis", "web", "worker", "beat"}
    assert "celery -A scrutiny beat" in compose["services"]["beat"]["command"]
    web, worker = compose["services"]["web"], compose["services"]["worker"]
    assert "gunicorn" in web["command"] and "celery -A scrutiny worker" in worker["command"]
    for service in (web, worker):
        assert service["environment"]["DATABASE_URL"].startswith("postgres://")
        assert service["environment"]["REDIS_URL"].startswith("redis://")
