"""Where the tracker store's database is, from endpoints.yml (insights, widget history)."""

from __future__ import annotations


def db_url_from_endpoints(path: str) -> str:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    cfg = read_endpoint_config(path, "tracker_store")
    if cfg is None:
        raise SystemExit(f"{path} has no tracker_store")
    if cfg.url and "://" in cfg.url:
        return cfg.url  # `url: ${WAYFINDER_DB_URL}` (deploy/endpoints.scaled.yml)
    kw = cfg.kwargs
    return str(
        SQLTrackerStore.get_db_url(
            kw.get("dialect", "sqlite"), cfg.url, kw.get("port"), kw.get("db", "rasa.db"), kw.get("username"), kw.get("password")
        )
    )
