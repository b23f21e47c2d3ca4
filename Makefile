# KAM Platform build entry points. Every target finds a JDK 21+ by itself.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# A JDK is suitable when its javac reports release 21 or newer.
define find_jdk
for c in "$$JAVA_HOME" /usr/lib/jvm/*; do \
  [ -n "$$c" ] && [ -x "$$c/bin/javac" ] || continue; \
  v=$$("$$c/bin/javac" -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/'); \
  if [ "$$v" -ge 21 ] 2>/dev/null; then echo "$$c"; break; fi; \
done
endef
JDK := $(shell $(find_jdk))
MVN := JAVA_HOME="$(JDK)" ./mvnw -B -ntp
MVN_FLAGS ?=

.PHONY: help jdk build test bench run reset clean compose-up compose-down
help:
	@echo "make build   compile and package every module (no tests)"
	@echo "make test    run every test of every module on real Kafka and PostgreSQL"
	@echo "make bench   run the pipeline, visits, sell-through, promotions, negotiations and reviews benchmarks; figures go to bench-results/"
	@echo "make run     start the platform on this machine (data kept in .run/; Ctrl-C stops it)"
	@echo "make reset   wipe the local platform's data and logs"
	@echo "make compose-up    build, then start the platform with Docker Compose (needs Docker and deploy/.env)"
	@echo "make compose-down  stop the Docker Compose platform (its volumes are kept)"

jdk:
	@if [ -z "$(JDK)" ]; then \
	  echo "No JDK 21 or newer found. KAM Platform needs one: set JAVA_HOME to a JDK 21+ or install one under /usr/lib/jvm (for example: apt-get install openjdk-21-jdk-headless)." >&2; \
	  exit 1; \
	fi
	@echo "Using JDK at $(JDK)"

build: jdk
	$(MVN) $(MVN_FLAGS) -DskipTests install

# -Pfuzz: the sell-through readers' fuzz targets are fuzzed for a short budget each (4 s each, about 40 s in all: ReadersFuzzTest, BodyFormatFuzzTest).
test: jdk
	$(MVN) $(MVN_FLAGS) -Pfuzz install

bench: jdk
	$(MVN) $(MVN_FLAGS) -Pbench -DskipTests install
	$(MVN) -q -pl deploy/local dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	$(MVN) $(MVN_FLAGS) -pl services/bench exec:exec@pipeline-bench exec:exec@visits-bench exec:exec@sellthrough-bench exec:exec@promotions-bench exec:exec@negotiations-bench exec:exec@reviews-bench exec:exec@bench-summary

run: jdk
	$(MVN) $(MVN_FLAGS) -q -DskipTests install
	$(MVN) -q -pl deploy/local dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	exec "$(JDK)/bin/java" -Xms64m -Xmx512m -cp "deploy/local/target/classes:$$(cat deploy/local/target/classpath.txt)" io.kam.local.LocalPlatform

reset:
	rm -rf .run platform/keycloak/target/keycloak-*/data/h2

clean: jdk
	$(MVN) $(MVN_FLAGS) clean
	rm -rf bench-results

# Docker hosts: deploy/docker-compose.yml; the secrets come from deploy/.env (copy deploy/.env.example).
COMPOSE := docker compose -f deploy/docker-compose.yml --env-file deploy/.env
define compose_check
if ! command -v docker >/dev/null 2>&1; then \
  echo "Docker is not installed: $@ needs Docker with the compose plugin ('docker compose'). Without Docker, use 'make run'." >&2; exit 1; \
fi; \
if ! docker compose version >/dev/null 2>&1; then \
  echo "'docker compose' is not available: install the Docker Compose plugin (v2)." >&2; exit 1; \
fi; \
if ! docker info >/dev/null 2>&1; then \
  echo "No Docker engine answers (docker info failed): start Docker, or point DOCKER_HOST at one." >&2; exit 1; \
fi; \
if [ ! -f deploy/.env ]; then \
  echo "deploy/.env is missing: cp deploy/.env.example deploy/.env and set its passwords (see deploy/compose/README.md)." >&2; exit 1; \
fi
endef

compose-up:
	@$(compose_check)
	$(MAKE) build
	$(COMPOSE) up -d --build

compose-down:
	@$(compose_check)
	$(COMPOSE) down
