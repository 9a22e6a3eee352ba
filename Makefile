# needs: two commands do everything on a fresh Debian machine.
#   make report   install what is missing, build (release), write reports/ from inputs/
#   make test     install what is missing, run the test suite
SWIFT ?= swift
RELEASE := .build/release/needs
# Release builds link the Swift runtime and Foundation into the binary (see README, "Why
# statically"); every release build here and in bench/ uses the same flags, so none rebuilds
# what another built.
RELEASE_BUILD := $(SWIFT) build -c release --static-swift-stdlib

.PHONY: report test test-asan test-tsan bench bench-sniff bench-micro fuzz build deps clean

deps:
	@./scripts/install-deps.sh

build: deps
	$(RELEASE_BUILD) --product needs

# Exit status of `needs report`: 0 clean, 1 reports written but the inputs have problems
# (listed in reports/clean/issues.csv), 2 could not run. Only 2 fails the make target.
report: build
	@status=0; $(RELEASE) report --instrument inputs/instrument --plan inputs/plan.csv --wave inputs/followup --out reports inputs/responses || status=$$?; \
	if [ $$status -ge 2 ]; then exit $$status; fi; \
	if [ $$status -eq 1 ]; then echo "make report: reports/ written; the inputs have problems, see reports/clean/issues.csv"; fi

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The reader against the C floor; needs report end to end against the C floor and DuckDB on a
# generated 1,000,000-respondent export (BENCH_LARGE=1 adds a 10,000,000 one, for memory);
# detection; micro-benchmarks with allocation counts.
bench: deps
	./bench/run.sh
	./bench/pipeline.sh
	./bench/shapes.sh
	$(MAKE) --no-print-directory bench-sniff
	$(MAKE) --no-print-directory bench-micro

# Micro-benchmarks (Benchmarks/, ordo-one/benchmark): the reader, normalisation, the label
# matcher and the accumulators: time and mallocs per iteration.
bench-micro: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark --no-progress

clean:
	rm -rf .build .build-asan .build-tsan Fuzz/.build Fuzz/corpus Benchmarks/.build bench/data bench/bin

# Detection measured: dialects corpus and a generated encoding set; fails when a target is missed.
bench-sniff: deps
	$(RELEASE_BUILD) --product needs >/dev/null
	python3 bench/sniff_benchmark.py $(RELEASE) --quiet

# The test suite in a ThreadSanitizer build (CI runs it once): a run reads, normalises,
# aggregates and hashes on four threads (and writes the duplicate check's full tables out on a
# fifth), and the tests drive every hand-over between them.
test-tsan: deps
	$(SWIFT) build --build-tests --sanitize thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize thread --scratch-path .build-tsan

# libFuzzer targets (Fuzz/): the reader (bytes → records) and normalisation (records →
# respondents against inputs/instrument), each for FUZZ_SECONDS (default 60); any crash, leak,
# timeout or out-of-memory fails. Crashing inputs land in Fuzz/artifacts/ (make them regression tests).
# Seeds: csv-spectrum, the encoding fixtures, the sample inputs and small `needs synth` exports.
# Swift's own crash handler is off (SWIFT_BACKTRACE): under AddressSanitizer it reports itself.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp

fuzz: deps
	cd Fuzz && $(SWIFT) build $(FUZZ_FLAGS)
	rm -rf Fuzz/corpus && mkdir -p Fuzz/corpus/reader Fuzz/corpus/normalize Fuzz/artifacts
	cp ../shared/corpora/csv-spectrum/csvs/*.csv Tests/NeedsKitTests/Fixtures/encodings/*.csv inputs/responses/* Fuzz/corpus/reader/
	cp inputs/responses/* inputs/followup/* Tests/Golden/injection/inputs/* Fuzz/corpus/normalize/
	$(RELEASE_BUILD) --product needs >/dev/null
	for shape in kobo google msforms limesurvey generic; do \
		$(RELEASE) synth --force --rows 20 --seed 9 --shape $$shape --lang lv --out Fuzz/corpus/normalize/synth-$$shape.csv; \
		cp Fuzz/corpus/normalize/synth-$$shape.csv Fuzz/corpus/reader/; done
	SWIFT_BACKTRACE=enable=no Fuzz/.build/release/fuzz-reader Fuzz/corpus/reader -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix=Fuzz/artifacts/reader- -print_final_stats=1
	SWIFT_BACKTRACE=enable=no NEEDS_ROOT=$(CURDIR) Fuzz/.build/release/fuzz-normalize Fuzz/corpus/normalize -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		-timeout=10 -rss_limit_mb=2048 -artifact_prefix=Fuzz/artifacts/normalize- -print_final_stats=1

# The test suite in an AddressSanitizer build (CI runs it once). Leak detection is off here:
# at exit LeakSanitizer reports allocations that Foundation (FileManager, Process) and XCTest keep
# for the life of the process, none from needs; the fuzzers check leaks on needs' own code.
test-asan: deps
	$(SWIFT) build --build-tests --sanitize address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize address --scratch-path .build-asan
