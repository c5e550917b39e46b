# Shared by the scripts: installing what the build needs, skipping what is there.
# Sourced, not run.

say() { printf '\n== %s\n' "$*"; }

apt_ready=""
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "need root to apt-get install: $*" >&2
    return 1
  fi
  if [ -z "$apt_ready" ]; then
    apt-get update -qq
    apt_ready=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

ensure_cargo() {
  if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      say "installing Debian's Rust toolchain (no cargo found)"
      apt_install cargo rustc
    fi
  fi
}

# sha2's compact (rolled-loop) SHA-256: the widget hashes one rule file, so speed
# does not matter and the unrolled rounds cost several KB of wasm.
WASM_CFG='--cfg sha2_backend_soft="compact"'

# Sets WASM_CARGO (a command prefix) for building the crate for wasm32.
ensure_wasm_toolchain() {
  if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "using rustup's wasm32-unknown-unknown target"
    WASM_CARGO=(env "RUSTFLAGS=$WASM_CFG" cargo rustc)
    return
  fi
  # rustup's target download is closed here; Debian's rustc-web knows wasm32 and
  # ships the Rust source, so std is built from source (-Zbuild-std).
  if [ ! -x /usr/bin/rustc ] || ! /usr/bin/rustc --print target-list 2>/dev/null | grep -qx wasm32-unknown-unknown \
     || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
    say "installing Debian's rustc-web (wasm32 via build-std)"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
  else
    echo "Debian's rustc-web is installed: $(/usr/bin/rustc --version)"
  fi
  # Size flags measured in issue 5: no panic file/line strings and no Debug
  # formatting code (the widget never shows `{:?}`): 197.2 -> 192.6 KB brotli.
  # -Zcross-crate-inline-threshold=always: since the widget is four crates (the layers), rustc's
  # MIR inliner no longer saw the callees across them and the wasm grew 4.0 KB brotli; with
  # every function inlinable across crates it is 1.5 KB below the one-crate build (issue 16).
  WASM_CARGO=(env RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
    "RUSTFLAGS=-Zlocation-detail=none -Zfmt-debug=none -Zcross-crate-inline-threshold=always $WASM_CFG" /usr/bin/cargo rustc
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
}

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
ensure_wasm_bindgen() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" = "$want" ]; then
    echo "wasm-bindgen $have is installed"
  else
    say "installing wasm-bindgen-cli $want (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "=$want"
  fi
}

# playwright-core, axe-core, ical.js (to parse the calendar file in a test) and binaryen's wasm-opt, from package-lock.json.
ensure_node_tools() {
  if ! command -v npm >/dev/null 2>&1; then
    say "installing Node.js"
    apt_install nodejs npm
  fi
  if [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/esbuild ] && [ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] && [ -d node_modules/ical.js ]; then
    echo "node tools are installed"
  else
    say "installing node tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    echo "chromium is installed: $(chromium --version 2>/dev/null | head -1)"
  else
    say "installing Debian's Chromium"
    apt_install chromium
  fi
}
