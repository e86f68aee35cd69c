# The two commands: `make run` and `make test`. Each installs what is missing first.
BUILD ?= build
JOBS ?= 2

.PHONY: run test build deps bench clean sanitize

deps:
	@bash scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The layering rules (scripts/check-layers), unit, store (SQLite and PostgreSQL) and service tests under ctest, then the API tests
# against the real server on loopback, then the browser tests in Chromium, then the server's
# own code under AddressSanitizer+UBSan and ThreadSanitizer (scripts/sanitize).
test: build
	@bash scripts/check-layers
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@HUIDIG_BIN=$(BUILD)/huidig node --test --test-concurrency=2 tests/api/
	@if [ -d web/e2e ]; then HUIDIG_BIN=$(BUILD)/huidig node --test --test-concurrency=1 web/e2e/; fi
	@JOBS=$(JOBS) bash scripts/sanitize

# The HTTP unit tests and the server-attacking API tests under AddressSanitizer and
# ThreadSanitizer (build-address, build-thread).
sanitize: deps
	@JOBS=$(JOBS) bash scripts/sanitize

run: build
	@bash scripts/run-demo $(BUILD)/huidig var/demo

bench: build
	@bash bench/run $(BUILD)/huidig
	@bash bench/photo-intake $(BUILD)
	@HUIDIG_BIN=$(BUILD)/huidig node bench/attack.mjs
	@bash bench/search $(BUILD)/huidig

clean:
	rm -rf $(BUILD) build-address build-thread
