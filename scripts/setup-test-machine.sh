#!/usr/bin/env bash
# Installs what the editor tests need on a fresh Debian machine, as root, and does nothing that is
# already done: Debian's chromium, neovim, ripgrep, and the headers code-server builds against,
# then code-server (the real VS Code workbench, served to Chromium) into .test-work/code-server.
# code-server stays out of the project's package.json and lockfile: only the tests use it.
# Usage: bash scripts/setup-test-machine.sh
set -euo pipefail

# The newest code-server whose engines.node allows Node 20.
readonly CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep that code-server 4.100.3 pins, and the ripgrep build its postinstall fetches.
readonly VSCODE_RIPGREP_VERSION=1.15.11
readonly RIPGREP_BUILD=v13.0.0-10

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$root/.test-work/code-server"
code_server="$install_dir/node_modules/.bin/code-server"
started=$SECONDS

say() { printf 'setup-test-machine: %s\n' "$*"; }
fail() { printf 'setup-test-machine: %s\n' "$*" >&2; exit 1; }

# Step 1: Debian packages. Each entry pairs a package with the file that shows it is installed.
# Chromium is installed without its recommended packages, so a font is named for the screenshots.
apt_packages=(chromium:/usr/bin/chromium fonts-dejavu-core:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
  fonts-noto-color-emoji:/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
  neovim:/usr/bin/nvim ripgrep:/usr/bin/rg libkrb5-dev:/usr/include/krb5.h pkg-config:/usr/bin/pkg-config
  golang-go:/usr/bin/go linux-perf:/usr/bin/perf valgrind:/usr/bin/callgrind_annotate python3:/usr/bin/python3)
missing=()
for entry in "${apt_packages[@]}"; do
  [[ -e "${entry#*:}" ]] || missing+=("${entry%%:*}")
done
step=$SECONDS
if ((${#missing[@]} == 0)); then
  say "apt: ${apt_packages[*]%%:*} are installed already"
else
  [[ $(id -u) == 0 ]] || fail "installing ${missing[*]} with apt-get needs root"
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  say "apt: done in $((SECONDS - step)) s"
fi

# Step 2: code-server, unless the pinned version is there and runs.
step=$SECONDS
# Prints the version that code-server reports, run with scratch config folders so that it writes
# no default config into the home folder; prints nothing when it does not run.
code_server_version() {
  [[ -x "$code_server" ]] || return 0
  local scratch
  scratch="$(mktemp -d)"
  XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$code_server" --version 2>/dev/null |
    grep -oE '^[0-9]+\.[0-9]+\.[0-9]+' || true
  rm -rf "$scratch"
}
installed_version="$(code_server_version)"
if [[ "$installed_version" == "$CODE_SERVER_VERSION" ]]; then
  say "code-server $CODE_SERVER_VERSION is installed already in ${install_dir#"$root/"}"
else
  say "code-server: installing $CODE_SERVER_VERSION into ${install_dir#"$root/"}"
  # @vscode/ripgrep's postinstall downloads ripgrep from GitHub, which this machine cannot reach;
  # it looks in its cache first, so the cache gets an archive holding Debian's rg.
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) fail "no ripgrep build name is known for $(uname -m)" ;;
  esac
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  rg_archive="$rg_cache/ripgrep-$RIPGREP_BUILD-$rg_target.tar.gz"
  if [[ ! -s "$rg_archive" ]]; then
    staging="$(mktemp -d)"
    cp /usr/bin/rg "$staging/rg"
    mkdir -p "$rg_cache"
    tar -czf "$rg_archive" -C "$staging" rg
    rm -rf "$staging"
    say "code-server: seeded $rg_archive with Debian's rg"
  fi
  # A package.json of its own keeps npm from walking up to the project and from reading the
  # project's .npmrc; --ignore-scripts=false wins over any ignore-scripts=true left in a config,
  # because code-server builds native modules in its install scripts. unsafe_perm lets those
  # scripts run as root, and yes answers the npx that node-pty's postinstall runs.
  mkdir -p "$install_dir"
  [[ -f "$install_dir/package.json" ]] ||
    printf '{ "name": "hotpath-test-code-server", "private": true }\n' >"$install_dir/package.json"
  (
    cd "$install_dir"
    npm_config_yes=true npm_config_unsafe_perm=true \
      npm install --no-save --no-audit --no-fund --ignore-scripts=false --loglevel=error \
      "code-server@$CODE_SERVER_VERSION"
  )
  installed_version="$(code_server_version)"
  [[ "$installed_version" == "$CODE_SERVER_VERSION" ]] ||
    fail "code-server was installed but '$code_server --version' printed '$installed_version'"
  say "code-server: done in $((SECONDS - step)) s"
fi

say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'does not run')"
say "neovim: $(nvim --version | head -n 1)"
say "code-server: $installed_version at ${code_server#"$root/"}"
say "finished in $((SECONDS - started)) s"
