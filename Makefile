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
	python3-venv postgresql openssl chromium

.PHONY: all deps apt venv build release test swift-test py-test demo generate check-generated clean \
	lint-schema check-compat release-schema

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
	$(LINT_SCHEMA)
	$(CHECK_COMPAT)
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

# Regenerates the committed Swift from proto/ with our own compiler (never protoc). CI's
# check-generated fails when the committed files differ from what this produces.
PROTOC := .build/debug/jiceng-protoc
RUNTIME_PROTOS := $(sort $(wildcard proto/google/protobuf/*.proto))
API_PROTOS := $(sort $(shell find proto/jiceng proto/grpc proto/google/rpc proto/bench -name '*.proto'))

generate: apt
	swift build --product jiceng-protoc
	@# Render into a scratch folder first: the compiler itself is built from the runtime's
	@# generated files, so they are replaced only once the new ones exist.
	rm -rf .build/generated && mkdir -p .build/generated/runtime .build/generated/api
	$(PROTOC) -I proto --swift_out=.build/generated/runtime --swift_opt=FileNaming=PathToUnderscores $(RUNTIME_PROTOS:proto/%=%)
	$(PROTOC) -I proto --swift_out=.build/generated/api --swift_opt=FileNaming=PathToUnderscores $(API_PROTOS:proto/%=%)
	rm -rf Sources/ProtoRuntime/Generated Sources/JicengAPI/Generated
	mv .build/generated/runtime Sources/ProtoRuntime/Generated
	mv .build/generated/api Sources/JicengAPI/Generated

check-generated: generate
	@git diff --exit-code --stat -- Sources/ProtoRuntime/Generated Sources/JicengAPI/Generated \
		|| { echo "生成代码已过期: run 'make generate' and commit (generated Swift is stale)"; exit 1; }
	@test -z "$$(git status --porcelain -- Sources/ProtoRuntime/Generated Sources/JicengAPI/Generated)" \
		|| { echo "生成代码有未提交的新文件 (untracked generated files)"; exit 1; }

# The contract's own checks (README: "Changing the contract"). lint-schema applies the API
# conventions; check-compat refuses changes that break clients of the released schema, recorded in
# proto/released.binpb by release-schema.
CONTRACT_PROTOS := $(sort $(wildcard proto/jiceng/v1/*.proto))
LINT_SCHEMA = $(PROTOC) -I proto --lint $(CONTRACT_PROTOS:proto/%=%)
CHECK_COMPAT = $(PROTOC) -I proto --against=proto/released.binpb $(CONTRACT_PROTOS:proto/%=%)

lint-schema: apt
	swift build --product jiceng-protoc
	$(LINT_SCHEMA)

check-compat: apt
	swift build --product jiceng-protoc
	$(CHECK_COMPAT)

release-schema: apt
	swift build --product jiceng-protoc
	$(PROTOC) -I proto --include_imports --descriptor_set_out=proto/released.binpb $(CONTRACT_PROTOS:proto/%=%)
