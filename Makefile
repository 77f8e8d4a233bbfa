# Jiceng: two commands do all set-up on a fresh Debian machine.
#   make demo   installs what it needs, builds, and serves a demo city on 127.0.0.1:50051
#   make test   installs what it needs and runs every test (this is what .ci/run calls)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

VENV := .venv
PY := $(VENV)/bin/python
DATA ?= ./jiceng-data
LISTEN ?= 127.0.0.1:50051
APT_PACKAGES := pkg-config libnghttp2-dev libsqlite3-dev zlib1g-dev libssl-dev libpq-dev \
	libprotobuf-c-dev protobuf-c-compiler protobuf-compiler libprotobuf-dev nghttp2-client \
	python3-venv postgresql

.PHONY: all deps apt venv build release test swift-test py-test demo generate check-generated clean

all: build

deps: apt venv

# Installs the Debian packages only when one is missing, so a warm machine pays nothing.
apt:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "正在安装系统依赖 (apt): $(APT_PACKAGES)"; \
		apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: Tests/Interop/requirements.txt
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r Tests/Interop/requirements.txt
	@touch $@

build: apt
	swift build

release: apt
	swift build -c release

# The Swift tests run against SQLite and against a throwaway PostgreSQL server started here (and
# stopped however the tests end); Tests/Support/pg-test-server.sh says why if it cannot start.
test: deps
	swift build --build-tests
	@pgdir=$$(mktemp -d /tmp/jiceng-pg-test.XXXXXX); \
	trap 'Tests/Support/pg-test-server.sh stop "'"$$pgdir"'"' EXIT; \
	url=$$(Tests/Support/pg-test-server.sh start "$$pgdir"); \
	echo "PostgreSQL for the tests: $$url"; \
	JICENG_TEST_POSTGRES_URL="$$url" swift test --skip-build
	@if ls Tests/Interop/test_*.py >/dev/null 2>&1; then \
		JICENG_BIN=$$(swift build --show-bin-path)/jiceng $(PY) -m pytest -q Tests/Interop; \
	fi

demo: deps release
	.build/release/jiceng serve --listen $(LISTEN) --data $(DATA) --demo

clean:
	rm -rf .build $(VENV)
