# needs: two commands do everything on a fresh Debian machine.
#   make report   install what is missing, build (release), write reports/ from inputs/
#   make test     install what is missing, run the test suite
SWIFT ?= swift
RELEASE := .build/release/needs

.PHONY: report test bench bench-sniff build deps clean

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product needs

# Exit status of `needs report`: 0 clean, 1 reports written but the inputs have problems
# (listed in reports/clean/issues.csv), 2 could not run. Only 2 fails the make target.
report: build
	@status=0; $(RELEASE) report --instrument inputs/instrument --plan inputs/plan.csv --wave inputs/followup --out reports inputs/responses || status=$$?; \
	if [ $$status -ge 2 ]; then exit $$status; fi; \
	if [ $$status -eq 1 ]; then echo "make report: reports/ written; the inputs have problems, see reports/clean/issues.csv"; fi

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	./bench/run.sh
	$(MAKE) --no-print-directory bench-sniff

clean:
	rm -rf .build bench/data bench/bin

# Detection measured: dialects corpus and a generated encoding set; fails when a target is missed.
bench-sniff: deps
	$(SWIFT) build -c release --product needs >/dev/null
	python3 bench/sniff_benchmark.py $(RELEASE) --quiet
