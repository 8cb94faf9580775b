# The two commands of the README: `make site` and `make test`.
.PHONY: site serve test check clean

site:            ## set up, then build the sample gazette into build/site/
	@scripts/setup.sh build
	@.venv/bin/gazette build
	@echo "预览网站：make serve（或 .venv/bin/gazette serve），然后打开 http://127.0.0.1:8000/"

serve:           ## set up, then preview with live reload on http://127.0.0.1:8000/
	@scripts/setup.sh build
	@.venv/bin/gazette serve

test:            ## set up (test extras too), then run every test
	@scripts/setup.sh test
	@.venv/bin/python -m pytest -n 2 --dist loadfile  # both cores; one file's tests share a worker and its fixtures

check:
	@.venv/bin/gazette check

clean:
	rm -rf build
