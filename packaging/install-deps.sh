#!/usr/bin/env bash
# Installs every Debian 12 package that Strata's build, tests and demo need.
# Idempotent and quiet when everything is present; apt-get runs directly as root, through
# sudo otherwise. Never prompts (CI has no standard input).
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git
    # Qt 6 and the libraries of DESIGN.md
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n linguist-qt6 libgl-dev
    libqscintilla2-qt6-dev qtkeychain-qt6-dev
    libpq-dev libpg-query-dev libgraphviz-dev nlohmann-json3-dev libdtl-dev
    # the server that tests and the demo start themselves
    postgresql-15 postgresql-client-15
    # GUI tests, screenshots, interoperability tests with drizzle-kit
    xvfb xauth x11-utils imagemagick nodejs npm
    # a keyring for saved passwords (optional at run time)
    gnome-keyring dbus-x11
    # packaging
    dpkg-dev file appstream
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done
# node may come from elsewhere than Debian (a newer Node.js with its own npm).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    filtered=()
    for p in "${missing[@]}"; do
        case "$p" in nodejs|npm) ;; *) filtered+=("$p") ;; esac
    done
    missing=("${filtered[@]+"${filtered[@]}"}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${#missing[@]} missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Packages installed."
