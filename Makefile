# Wayfinder: the single entry point. `make run` on a fresh machine sets up and starts
# everything; `make test` runs the whole suite (what CI runs).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export RASA_TELEMETRY_ENABLED := false
# Python 3.10 (Rasa 3.6 needs < 3.11): on PATH, or under pyenv.
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; assert sys.version_info[:2]==(3,10)' 2>/dev/null && { command -v $$p; break; }; done)
# Component code is imported at run time, so only data and configuration need retraining.
TRAINING_INPUTS := config.yml domain.yml data/lexicon_regexes.yml $(shell find data -name '*.yml' 2>/dev/null)
LANGID_DATA ?= ../shared/langid-testdata

.PHONY: help setup run run-scaled services bench train test lint validate eval eval-langid eval-nlu kb-check kb-report kb-preview insights clean

help:
	@echo "make run       set up (.venv, model) and start the assistant on http://localhost:5005"
	@echo "make test      run every test (what CI runs)"
	@echo "make run-scaled REPLICAS=2  PostgreSQL + Redis + replicas behind nginx on :5005"
	@echo "make bench     load test (plain rasa init baseline, single, scaled) -> reports/bench.md"
	@echo "make train     train the model if data or config changed"
	@echo "make eval      language-ID benchmark and per-language NLU evaluation -> reports/"
	@echo "make kb-check  validate the knowledge files (kb-report, kb-preview: see knowledge/README.md)"
	@echo "make insights  report on what newcomers ask -> reports/insights.html"

$(VENV)/.installed: requirements.txt web/package-lock.json
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (pyenv install 3.10)"; exit 1; }
	test -x $(PY) || $(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<25" "setuptools==70.3.0" wheel
	$(PY) -m pip install --quiet -r requirements.txt
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed

# Regex features for DIET, generated from the keyword lexicons.
data/lexicon_regexes.yml: $(wildcard bot/lexicon/*.yml knowledge/places/*.yml) bot/language_words.py scripts/lexicon_regex.py | $(VENV)/.installed
	$(PY) scripts/lexicon_regex.py

models/.trained: $(VENV)/.installed $(TRAINING_INPUTS)
	@mkdir -p models
	$(RASA) train --fixed-model-name wayfinder --out models --num-threads 2
	touch $@

train: models/.trained

run: models/.trained
	$(PY) scripts/run_stack.py

# The production shape on one machine (PostgreSQL, Redis, REPLICAS x Rasa + actions, nginx).
REPLICAS ?= 2
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
services:
	@command -v redis-server >/dev/null && { command -v nginx || test -x /usr/sbin/nginx; } >/dev/null \
		&& ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 \
		|| { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql redis-server nginx-light; }

run-scaled: models/.trained services
	$(PY) scripts/run_scaled.py --replicas $(REPLICAS)

# Load benchmark: baseline `rasa init`, one instance, REPLICAS replicas -> reports/bench.md
BENCH_SECONDS ?= 30
bench: models/.trained services
	$(PY) -m bench.run --replicas $(REPLICAS) --seconds $(BENCH_SECONDS)

validate: setup
	$(RASA) data validate --max-history 5

lint: setup
	$(VENV)/bin/ruff check bot actions tests scripts deploy bench

kb-check: setup
	$(PY) -m bot.knowledge.check $(if $(KNOWLEDGE),--knowledge $(KNOWLEDGE))

kb-report: setup
	$(PY) -m bot.knowledge.report $(if $(KNOWLEDGE),--knowledge $(KNOWLEDGE))

insights: setup
	$(PY) -m bot.insights $(if $(DB_URL),--db-url $(DB_URL))

kb-preview: setup
	$(PY) -m bot.knowledge.preview --country $(COUNTRY) --topic $(TOPIC) --lang $(if $(filter $(LANG),en fr de es it ar uk ru fa tr),$(LANG),en) \
		$(if $(STATUS),--status $(STATUS)) $(if $(SUBTOPIC),--subtopic $(SUBTOPIC))

test: models/.trained
	$(VENV)/bin/ruff check bot actions tests scripts deploy bench
	$(PY) -m bot.knowledge.check
	$(RASA) data validate --max-history 5
	$(PY) -m pytest -q tests

eval: eval-langid eval-nlu

eval-langid: setup
	$(PY) scripts/eval_langid.py $(LANGID_DATA) --out reports/langid.md

eval-nlu: setup
	$(PY) scripts/eval_nlu.py --out reports/nlu.md

clean:
	rm -rf models var .pytest_cache
