# The two commands of the README: `make run` and `make test`.
BUILD    ?= build
DB       ?= data/salesloop.db
PORT     ?= 8080
SCALE    ?= medium
JOBS     ?= $(shell nproc)
# A Node.js that scripts/bootstrap.sh fetched (when the system's is older than the web app
# needs) comes first; without that folder this changes nothing.
export PATH := $(CURDIR)/.tools/node/bin:$(PATH)

.PHONY: run test bootstrap bootstrap-test configure server all web clean

run: bootstrap server web
	@mkdir -p data
	@if [ ! -f $(DB) ]; then \
	  echo "Creating $(DB) with the $(SCALE) demo data set (as of today)…"; \
	  $(BUILD)/salesloop demo --db $(DB) --seed 7 --scale $(SCALE) > data/demo-logins.txt || exit 1; \
	fi
	@echo ""
	@echo "salesloop on http://127.0.0.1:$(PORT)/ — demo logins (role login password):"
	@cat data/demo-logins.txt 2>/dev/null || echo "(no demo logins: $(DB) was not made by make run)"
	@echo ""
	$(BUILD)/salesloop serve --db $(DB) --port $(PORT) --web web/dist

test: bootstrap-test all web
	bash scripts/test.sh $(BUILD)

bootstrap:
	@bash scripts/bootstrap.sh

bootstrap-test:
	@bash scripts/bootstrap.sh --test

configure:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null

# `make run` needs only the server; `make test` builds the tests too.
server: configure
	@cmake --build $(BUILD) -j $(JOBS) --target salesloop

all: configure
	@cmake --build $(BUILD) -j $(JOBS)

web:
	@cd web && npm run build --silent

clean:
	rm -rf $(BUILD) web/dist

# The engine benchmark against DuckDB, SQLite and PostgreSQL (issue 3). Not part of
# `make test`: the large data set takes minutes to generate and the run takes many more.
.PHONY: bench
bench: configure
	@cmake --build $(BUILD) -j $(JOBS) --target salesloop salesloop_bench
	bash scripts/bench.sh $(BUILD)

# libFuzzer targets (issue 8, tests/fuzz/README.md): clang 14 with ASan/UBSan in build-fuzz/,
# FUZZ_SECONDS per target (default 60). Not part of `make test`.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) bash scripts/fuzz.sh

# Formats the C++ with the repository's .clang-format (clang-format-14, Debian's).
.PHONY: format
format:
	@clang-format-14 -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'bench/*.cpp' 'bench/*.h' 'tests/fuzz/*.cpp' 'tests/fuzz/*.h')
