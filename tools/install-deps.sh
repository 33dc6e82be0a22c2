#!/bin/sh
# Install the Debian 12 packages motionscan needs to build, run and test.
# Idempotent: when everything is installed it only checks and exits.
# --bench also installs what tools/benchmark.py compares against (OCRmyPDF).
set -eu
# chromium: the audit report's tests open it headless (tests/e2e_audit.py).
# libpq-dev: the PostgreSQL store; postgresql: the server its tests start
# (tests/pg_server.py); parallel, slurm-wlm, munge: the recipes in
# tools/cluster/, run by their tests; python3-yaml reads the Kubernetes manifest.
# libical-dev: the calendar feed (motionscan calendar); python3-icalendar: its tests read the
# feed with a second, independent parser; tzdata: the courts' time zones (rules/courts.tsv).
# fonts-dejavu-core, fonts-freefont-ttf: faces the second evaluation generator draws with.
# libqpdf-dev, libtiff-dev: --pdf assembles the searchable PDF with qpdf and reads G4 strips
# with libtiff; its tests check the PDFs with qpdf, pdftotext and pdfimages (poppler-utils).
# util-linux (unshare), mount: e2e_watch_full mounts a small tmpfs in a private namespace.
# libzbar-dev: barcode separator sheets in scanned stacks (optional at build time; the
# barcode tests fail without it).

PACKAGES="
build-essential cmake pkg-config
libpoppler-glib-dev libcairo2-dev libglib2.0-dev libjson-glib-dev
libleptonica-dev libtesseract-dev tesseract-ocr tesseract-ocr-eng
libpcre2-dev libsqlite3-dev libseccomp-dev libqpdf-dev libtiff-dev libzbar-dev
python3 python3-pil poppler-utils qpdf fonts-liberation2 fonts-dejavu-core fonts-freefont-ttf
chromium
libical-dev python3-icalendar tzdata
clang libclang-rt-14-dev valgrind
libpq-dev postgresql parallel slurm-wlm munge python3-yaml
util-linux mount
"
if [ "${1:-}" = "--bench" ]; then
    PACKAGES="$PACKAGES ocrmypdf"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "install-deps: missing packages:$missing; run as root to install them" >&2
        exit 1
    fi
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install-deps: done"
