#!/usr/bin/env bash
# Checks TAB completion in the real shells: each shell loads the committed completion script
# and completes a command line; the candidates must include what is expected and nothing else
# unexpected. usage: check_shells.sh DDAT_BINARY SOURCE_DIR bash|zsh|fish
set -euo pipefail
ddat=$1 source_dir=$2 shell=$3
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
ln -s "$(cd "$(dirname "$ddat")" && pwd)/$(basename "$ddat")" "$bin/ddat"
export PATH="$bin:$PATH"
unset DDAT_FRAMEWORK
export XDG_CONFIG_HOME="$bin/config"  # no personal framework copy

# complete LINE: prints the candidates the shell offers for LINE (the cursor at its end)
complete_line() {
  case $shell in
    bash)
      bash --norc --noprofile -c '
        source "$1"
        read -r -a COMP_WORDS <<< "$2"
        case "$2" in *" ") COMP_WORDS+=("") ;; esac
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _ddat
        printf "%s\n" "${COMPREPLY[@]}"' _ "$source_dir/completions/ddat.bash" "$1" ;;
    zsh)
      # compadd and _describe are zle builtins: stand-ins print what the script offers
      zsh -f -c '
        _describe() { local -a c; c=("${(@P)${@[-1]}}"); printf "%s\n" "${c[@]%%:*}"; }
        _files() { echo "<files>"; }
        compdef() { :; }
        source "$1"
        words=(${=2})
        [[ $2 == *" " ]] && words+=("")
        CURRENT=${#words}
        _ddat' _ "$source_dir/completions/_ddat" "$1" ;;
    fish)
      fish --no-config -c "source '$source_dir/completions/ddat.fish'; complete -C '$1'" | cut -f1 ;;
  esac
}

failures=0
expect() {  # expect LINE WORD...: every WORD is offered for LINE
  local line=$1; shift
  local got
  got=$(complete_line "$line")
  for word in "$@"; do
    if ! grep -qxF -- "$word" <<< "$got"; then
      echo "FAIL ($shell): '$line<TAB>' does not offer '$word'; it offers:"
      sed 's/^/    /' <<< "$got"
      failures=$((failures + 1))
    fi
  done
}
refuse() {  # refuse LINE WORD...: no WORD is offered for LINE
  local line=$1; shift
  local got
  got=$(complete_line "$line")
  for word in "$@"; do
    if grep -qxF -- "$word" <<< "$got"; then
      echo "FAIL ($shell): '$line<TAB>' offers '$word'"
      failures=$((failures + 1))
    fi
  done
}

expect "ddat gap --target sen" senior-brm senior-itsm
refuse "ddat gap --target sen" brm lead-brm
expect "ddat ro" roles
expect "ddat roles " list show
expect "ddat level show lead" lead-brm
expect "ddat diff brm senior-" senior-brm senior-itsm
expect "ddat skills show user" user-focus
expect "ddat gap --" --me --target --exit-code --format
expect "ddat roles list --format " json csv markdown
if [ $failures -gt 0 ]; then
  echo "$failures completion check(s) failed in $shell"
  exit 1
fi
echo "$shell completes commands, options, role levels and skills"
