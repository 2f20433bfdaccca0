#!/usr/bin/env bash
# Installs the Debian packages ddat needs to build, and with --test also those its tests use,
# if any is missing. Needs root or sudo. Safe to run again: it installs nothing when all are
# present.   usage: scripts/install-deps.sh [--test]
set -euo pipefail

packages=(g++ cmake make libcli11-dev libyaml-cpp-dev libfmt-dev nlohmann-json3-dev)
if [ "${1:-}" = "--test" ]; then
  # Catch2 for the unit tests; python3 with its modules for the README, schema and hostile-input
  # checks; the three shells for the completion tests; man-db and dpkg-dev for the package test;
  # tmux to drive 'ddat assess' in a real terminal; headless Chromium and rsvg-convert to open the
  # HTML and SVG reports; openpyxl to read the xlsx workbooks back.
  packages+=(catch2 clang-format diffutils python3 python3-jsonschema python3-yaml bash-completion zsh fish man-db dpkg-dev file tmux
            chromium librsvg2-bin python3-openpyxl)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
