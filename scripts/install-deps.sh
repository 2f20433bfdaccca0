#!/usr/bin/env bash
# Installs the Debian packages ddat needs to build and test, if any is missing.
# Needs root or sudo. Safe to run again: it installs nothing when all are present.
set -euo pipefail

packages=(g++ cmake make pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev catch2 nlohmann-json3-dev diffutils python3)

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
