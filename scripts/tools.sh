# Installs the build tools Kvadrant needs, each only when missing. Sourced by scripts/run and scripts/test.
# Versions: cargo-leptos 0.3.10 is the last that builds with rustc 1.95; wasm-bindgen must match Cargo.lock exactly.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132
SCHEMATHESIS_VERSION=4.32.5
AXE_CORE_VERSION=4.14.1
VNU_JAR_VERSION=26.9.27
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$ROOT/Cargo.lock")
: "${WASM_BINDGEN_VERSION:?Cargo.lock names no wasm-bindgen version}"
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_build_tools() {
  # rust-toolchain.toml pins the compiler and the wasm target; rustup installs them on first use.
  (cd "$ROOT" && rustup show active-toolchain >/dev/null 2>&1) || (cd "$ROOT" && rustup toolchain install)
  (cd "$ROOT" && rustup target list --installed | grep -q wasm32-unknown-unknown) \
    || (cd "$ROOT" && rustup target add wasm32-unknown-unknown)

  if ! cargo leptos --version 2>/dev/null | grep -qx "cargo-leptos $CARGO_LEPTOS_VERSION"; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 30 minutes on 2 cores, once)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Without --locked: one of its locked dependencies is no longer in the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if ! wasm-opt --version 2>/dev/null | grep -q "^wasm-opt version $BINARYEN_VERSION "; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION) into .tools/"
    npm install --prefix "$ROOT/.tools" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
}

ensure_browser() {
  # pdftotext and pdfinfo (poppler-utils) read the printed report; a font gives it text to read.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null \
    || [ ! -d /usr/share/fonts/truetype/dejavu ]; then
    say "installing Chromium, ChromeDriver, poppler-utils and DejaVu fonts (Debian packages)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium chromium-driver poppler-utils fonts-dejavu-core
  fi
}

ensure_page_checkers() {
  # axe-core checks the pages' accessibility in the browser; vnu.jar (run by Java 17, a Debian
  # package) their markup. Their own install scripts are not run: no download beyond npm's.
  if ! command -v java >/dev/null; then
    say "installing Java 17 (Debian package) for the Nu HTML checker"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq openjdk-17-jre-headless
  fi
  local installed="$ROOT/.tools/node_modules"
  if ! grep -qs "\"version\": \"$AXE_CORE_VERSION\"" "$installed/axe-core/package.json" \
    || ! grep -qs "\"version\": \"$VNU_JAR_VERSION\"" "$installed/vnu-jar/package.json"; then
    say "installing axe-core $AXE_CORE_VERSION and vnu-jar $VNU_JAR_VERSION into .tools/"
    npm install --prefix "$ROOT/.tools" --no-audit --no-fund --ignore-scripts \
      "axe-core@$AXE_CORE_VERSION" "vnu-jar@$VNU_JAR_VERSION"
  fi
}

ensure_contract_tools() {
  # schemathesis (PyPI) tries the API against its OpenAPI document; it lives in its own venv.
  if ! "$ROOT/.tools/venv/bin/schemathesis" --version 2>/dev/null | grep -q "version $SCHEMATHESIS_VERSION$"; then
    say "installing schemathesis $SCHEMATHESIS_VERSION into .tools/venv"
    if ! python3 -m venv --clear "$ROOT/.tools/venv"; then
      local sudo=""
      [ "$(id -u)" -eq 0 ] || sudo="sudo"
      $sudo apt-get update -qq
      $sudo apt-get install -y -qq python3-venv
      python3 -m venv --clear "$ROOT/.tools/venv"
    fi
    "$ROOT/.tools/venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
  fi
}
