# The two commands of the README: `make run` and `make test`.
BUILD    ?= build
DB       ?= data/salesloop.db
PORT     ?= 8080
SCALE    ?= medium
JOBS     ?= $(shell nproc)

.PHONY: run test bootstrap bootstrap-test server web unit api-test browser-test clean

run: bootstrap server web
	@mkdir -p data
	@if [ ! -f $(DB) ]; then \
	  echo "Creating $(DB) with the $(SCALE) demo data set (as of today)…"; \
	  $(BUILD)/salesloop demo --db $(DB) --seed 7 --scale $(SCALE) > data/demo-logins.txt || exit 1; \
	fi
	@echo ""
	@echo "salesloop on http://127.0.0.1:$(PORT)/ — demo logins (role login password):"
	@cat data/demo-logins.txt
	@echo ""
	$(BUILD)/salesloop serve --db $(DB) --port $(PORT) --web web/dist

test: bootstrap-test server web
	bash scripts/test.sh $(BUILD)

bootstrap:
	@bash scripts/bootstrap.sh

bootstrap-test:
	@bash scripts/bootstrap.sh --test

server:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

web:
	@cd web && npm run build --silent

clean:
	rm -rf $(BUILD) web/dist
