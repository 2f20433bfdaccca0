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
export XDG_CACHE_HOME="$bin/cache"    # framework snapshots stay out of the home folder

# An imported framework with a role level and a skill the built-in one lacks (cdo,
# data-governance-leadership) and without some it has (senior-itsm).
framework="$bin/imported framework"  # a space, as folder names may have
ddat import "$source_dir/tests/e2e/data/csv/role-content.csv" "$source_dir/tests/e2e/data/csv/skill-descriptions.csv" \
  -o "$framework" >/dev/null

# complete LINE: prints the candidates the shell offers for LINE. The cursor is at the end of
# LINE, or at a '|' in it that stands before a space ("ddat level show cd| --framework x"). bash
# splits a word at '=' as it does with the default COMP_WORDBREAKS.
complete_line() {
  local before=${1%%|*} after=
  case $1 in *"|"*) after=${1#*|} ;; esac
  case $shell in
    bash)
      bash --norc --noprofile -c '
        split() {  # the words of $1, each "a=b" as "a" "=" "b" like readline
          local word part line=${1//\\ /$'"'"'\x01'"'"'}  # "\ " is no break
          read -r -a words <<< "$line"
          for word in "${words[@]}"; do
            word=${word//$'"'"'\x01'"'"'/\\ }
            while [[ $word == *=* ]]; do
              part=${word%%=*}
              [ -n "$part" ] && printf "%s\n" "$part"
              printf "=\n"
              word=${word#*=}
            done
            [ -n "$word" ] && printf "%s\n" "$word"
          done
        }
        source "$1"
        mapfile -t COMP_WORDS < <(split "$2")
        case "$2" in *" ") COMP_WORDS+=("") ;; esac
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        mapfile -t -O ${#COMP_WORDS[@]} COMP_WORDS < <(split "$3")
        _ddat
        printf "%s\n" "${COMPREPLY[@]}"' _ "$source_dir/completions/ddat.bash" "$before" "$after" ;;
    zsh)
      # compadd and _describe are zle builtins: stand-ins print what the script offers
      zsh -f -c '
        _describe() { local -a c; c=("${(@P)${@[-1]}}"); printf "%s\n" "${c[@]%%:*}"; }
        _files() { echo "<files>"; }
        compdef() { :; }
        source "$1"
        words=(${(z)2})
        [[ $2 == *" " ]] && words+=("")
        CURRENT=${#words}
        words+=(${(z)3})
        _ddat' _ "$source_dir/completions/_ddat" "$before" "$after" ;;
    fish)
      if [ -z "$after" ]; then
        fish --no-config -c "source '$source_dir/completions/ddat.fish'; complete -C '$1'" | cut -f1
      else
        # complete -C puts the cursor at the end: a stand-in for commandline gives the script the
        # line as fish does with the cursor after "before" (-c: only the words before the
        # cursor; -t: the word under it; -o: as words; -p: the command ddat, here all the line)
        fish --no-config -c '
          function words  # as commandline -o gives them: "\ " unescaped, no break
              string replace -a "\\ " \x01 -- $argv | string split -n " " | string replace -a \x01 " "
          end
          set -g line_before (words $argv[1])
          set -g line_token ""
          if not string match -q "* " -- $argv[1]
              set line_token $line_before[-1]
              set -e line_before[-1]
          end
          set -g line_after (words $argv[2])
          function commandline
              switch "$argv"
                  case -opc
                      printf "%s\n" $line_before
                  case -op
                      printf "%s\n" $line_before
                      test -n "$line_token"; and printf "%s\n" $line_token
                      printf "%s\n" $line_after
                  case -t -ct
                      printf "%s\n" "$line_token"
              end
          end
          source $argv[3]
          __ddat_complete' "$before" "$after" "$source_dir/completions/ddat.fish" | cut -f1
      fi ;;
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

# Role levels and skills come from the framework --framework names, wherever it stands on the
# line; a --framework that cannot be read leaves the framework in use.
quoted=${framework// /\\ }  # as typed at the prompt
expect "ddat --framework $quoted level show c" cdo chief-data-officer
refuse "ddat --framework $quoted level show senior-" senior-itsm
expect "ddat level show --framework $quoted c" cdo
expect "ddat level show --framework=$quoted c" cdo
expect "ddat --framework $quoted skills show data-" data-governance-leadership
expect "ddat level show c| --framework $quoted" cdo chief-data-officer
expect "ddat level show c| --format json --framework=$quoted" cdo
refuse "ddat level show senior-| --framework $quoted" senior-itsm
expect "ddat --framework $bin/no-such-folder level show senior-" senior-brm senior-itsm
expect "ddat level show senior-| --framework $bin/no-such-folder" senior-brm senior-itsm
expect "ddat completions " bash zsh fish

# The scripts ask the ddat that was typed, not the one on PATH: here a ddat on PATH that
# offers nothing stands before it.
fake=$(mktemp -d)
printf '#!/bin/sh\nexit 0\n' > "$fake/ddat"
chmod +x "$fake/ddat"
PATH="$fake:$PATH" expect "$bin/ddat level show lead" lead-brm
PATH="$fake:$PATH" expect "$bin/ddat completions " bash zsh fish
rm -rf "$fake"

if [ $failures -gt 0 ]; then
  echo "$failures completion check(s) failed in $shell"
  exit 1
fi
echo "$shell completes commands, options, role levels and skills, from the framework --framework names"
