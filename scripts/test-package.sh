#!/usr/bin/env bash
# Builds the Debian package, installs it with apt-get, and checks the installed ddat, its
# manual page and its completion scripts; then removes it again. Needs root or sudo.
# usage: scripts/test-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

bash scripts/install-deps.sh --test
rm -rf build-package
cmake -S . -B build-package -DCMAKE_BUILD_TYPE=Release -DDDAT_BUILD_TESTS=OFF -DDDAT_UNITY_BUILD=ON -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build build-package -j "$(nproc)" --target ddat
(cd build-package && cpack -G DEB >/dev/null)
deb=$(ls build-package/ddat_*.deb)
echo "built $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "./$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq ddat >/dev/null' EXIT

failures=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
check "the installed ddat lists the roles" bash -c '/usr/bin/ddat roles list | grep -q "Business relationship manager"'
check "man -w ddat finds the manual page" man -w ddat
check "the manual page covers every command" bash -c 'man ddat 2>/dev/null | grep -q "ddat gap"'
check "bash completion is installed" test -f /usr/share/bash-completion/completions/ddat
check "zsh completion is installed" test -f /usr/share/zsh/vendor-completions/_ddat
check "fish completion is installed" test -f /usr/share/fish/vendor_completions.d/ddat.fish
check "bash completes role levels from the installed files" bash -c '
  source /usr/share/bash-completion/bash_completion
  source /usr/share/bash-completion/completions/ddat
  COMP_WORDS=(ddat gap --target sen); COMP_CWORD=3; _ddat
  printf "%s\n" "${COMPREPLY[@]}" | grep -qx senior-brm'
check "the documentation is installed" test -f /usr/share/doc/ddat/framework-format.md
if [ $failures -gt 0 ]; then
  echo "$failures package check(s) failed"
  exit 1
fi
echo "package: 8 passed, 0 failed"
