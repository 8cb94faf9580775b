#!/usr/bin/env bash
# Set up everything the gazette needs on a fresh Debian/Ubuntu machine:
# system packages (when missing), a virtual environment in .venv, the package.
# Usage: scripts/setup.sh [build|test]   (test also installs what the tests need)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-build}"

packages=()
for list in scripts/apt-build.txt $([ "$purpose" = test ] && echo scripts/apt-test.txt); do
  [ -f "$list" ] && while read -r pkg _; do
    [ -n "$pkg" ] && [ "${pkg:0:1}" != "#" ] && packages+=("$pkg")
  done < "$list"
done
missing=()
for pkg in "${packages[@]+"${packages[@]}"}"; do
  # Installed, or a command of that name is already there (e.g. npm shipped inside another nodejs build).
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || command -v "$pkg" >/dev/null \
    || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "安装系统软件包：${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null; then
    echo "缺少系统软件包 ${missing[*]}，且没有 root 权限：请让管理员运行 apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "创建 Python 虚拟环境 .venv"
  python3 -m venv .venv
fi
# Reinstall only when the dependency declaration changed (a test install covers a build).
stamp=".venv/.gazette-installed"
hash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
want="$hash-$purpose"
if [ ! -f "$stamp" ] || ! grep -qx -e "$want" -e "$hash-test" "$stamp"; then
  echo "安装 Python 依赖"
  extras=""; [ "$purpose" = test ] && extras="[test]"
  .venv/bin/pip install --quiet --disable-pip-version-check -e ".${extras}"
  echo "$want" > "$stamp"
fi

# Test tools from npm (tools/package.json, pinned in tools/package-lock.json): axe-core and vnu-jar.
if [ "$purpose" = test ]; then
  tools_stamp="tools/node_modules/.gazette-installed"
  tools_hash="$(sha256sum tools/package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$tools_stamp" ] || ! grep -qx "$tools_hash" "$tools_stamp"; then
    echo "安装测试工具（axe-core、vnu-jar）"
    npm ci --prefix tools --ignore-scripts --no-audit --no-fund --silent
    echo "$tools_hash" > "$tools_stamp"
  fi
fi
