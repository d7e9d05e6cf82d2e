# The two commands: `make start` (the whole product) and `make test` (the tests, in minutes).
# Both install what is missing first: Java and Maven (Debian packages), npm packages, the Neo4j
# launcher (Maven Central) and, for the tests, Debian's Chromium. Debian packages are installed when
# make runs as root; otherwise make stops at once with the one command to run.
.PHONY: start test test-slow tools chromium install web check bench bench-smoke clean

NEO4J_LIB := db/neo4j/target/lib

start: install web
	npm start

# The jest projects unit, integration and e2e; see tests/README.md.
test: chromium install web
	npm test

# The slow project (fuzzing, model-based, fault, outage and scale-out suites: tens of minutes); CI runs it
# after `make test`.
test-slow: chromium install web
	npm run test:slow

install: tools node_modules/.installed $(NEO4J_LIB)

tools:
	@scripts/need.sh java=default-jdk-headless mvn=maven

# The browser tests drive Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides.
CHROMIUM_PATH ?= /usr/bin/chromium
chromium:
	@scripts/need.sh $(CHROMIUM_PATH)=chromium

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(NEO4J_LIB): db/neo4j/pom.xml db/neo4j/src/main/java/kg/db/Launcher.java
	cd db/neo4j && mvn -q -B package -DskipTests
	touch $@

# The pages, rebuilt when a file under web/ is newer than the last build.
WEB_SOURCES := $(shell find web -path web/dist -prune -o -type f -print)
web: web/dist/.built

web/dist/.built: node_modules/.installed $(WEB_SOURCES)
	npm run build:web
	touch $@

# Static checks CI runs before the tests: generated types fresh, types, lint, formatting.
check: install
	npm run generate:check
	npm run docs:check
	npm run check:layers
	npm run typecheck
	npm run lint
	npm run format:check

# The benchmark: SIZE=10k, 100k or 1m; builds (or reuses) that graph in its own Neo4j under bench/.data,
# prints the table and writes bench/results/. The generator holds the 1M graph's rows in memory.
SIZE ?= 10k
bench: install
	node --max-old-space-size=6144 --import tsx bench/run.ts $(SIZE)

# CI: the smallest size, one short repeat per cell, every response checked; timings are not asserted.
bench-smoke: install
	node --import tsx bench/run.ts 10k --smoke

clean:
	rm -rf web/dist db/neo4j/target
