# Two commands do all the set-up on a fresh Debian machine:
#   make site   install what is missing, build sitegen (release) and build the bundled site into dist/
#   make test   install what is missing and run the whole test suite (Swift Testing, then the browser test)
.PHONY: site test deps release bench

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev

deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "Installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(APT_PACKAGES); \
	fi

release: deps
	swift build -c release --product sitegen

site: release
	.build/release/sitegen build
	@echo "Open dist/index.html, or serve the dist/ folder."

test: deps
	swift test
	Tests/Browser/run.sh

# Full builds of generated 1,000- and 10,000-article corpora, sitegen against Hugo (when installed);
# options through BENCH_ARGS, e.g. make bench BENCH_ARGS="--sizes 1000 --runs 3". See bench/README.md.
bench: release
	python3 bench/run.py $(BENCH_ARGS)
