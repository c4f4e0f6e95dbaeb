# Helpers for scripts/*.sh: each installs or starts one thing only when missing.
step() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  if command -v pg_ctlcluster >/dev/null; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; return 1
}

ensure_mariadb() {
  if mysqladmin -uroot -h127.0.0.1 status >/dev/null 2>&1; then return; fi
  if [ -x /usr/sbin/mariadbd ]; then
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  fi
  for _ in $(seq 30); do mysqladmin -uroot -h127.0.0.1 status >/dev/null 2>&1 && return; sleep 1; done
  echo "MariaDB is not reachable on 127.0.0.1:3306" >&2; return 1
}

# Redis shares the rate limits between instances; the two-instance API tests
# count in it (TEST_REDIS_URL, by default this one).
ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return; fi
  if ! command -v redis-server >/dev/null; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
  fi
  # A throwaway instance for tests: loopback only, nothing written to disk.
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --dir /tmp --save '' --appendonly no >/dev/null || true
  for _ in $(seq 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return; sleep 1; done
  echo "Redis is not reachable on 127.0.0.1:6379" >&2; return 1
}

# Test runs create one database per test (xhs_test_*); remove what earlier runs left.
drop_test_databases() {
  for db in $(mysql -uroot -h127.0.0.1 -N -e "SHOW DATABASES LIKE 'xhs\_test\_%'" 2>/dev/null); do
    mysql -uroot -h127.0.0.1 -e "DROP DATABASE \`$db\`" || true
  done
  for db in $(psql -h 127.0.0.1 -U postgres -At -c "SELECT datname FROM pg_database WHERE datname LIKE 'xhs\_test\_%'" 2>/dev/null); do
    psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE \"$db\"" || true
  done
}

# moto's server mode stands in for S3 in the media tests (MinIO's binary
# cannot be fetched here); the tests start it themselves.
ensure_moto() {
  if python3 -c 'import moto.server' >/dev/null 2>&1; then return; fi
  python3 -m pip install --quiet 'moto[server]'
}

# libheif (HEIC/HEIF photos are converted to JPEG on upload) for building and
# running the server: Debian's libheif-dev (1.15 on Debian 12) and pkg-config.
ensure_libheif() {
  if pkg-config --exists 'libheif >= 1.14' 2>/dev/null; then return; fi
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq libheif-dev pkg-config >/dev/null
}

# A CJK font for the QR sheets (the server looks where Debian puts Noto Sans
# CJK and WenQuanYi; without one they answer 503 font_not_configured).
ensure_cjk_font() {
  if [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] ||
     [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; then
    return
  fi
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq fonts-wqy-zenhei >/dev/null
}

# poppler's pdftotext and pdftoppm: the API tests read a QR sheet's text
# back and rasterize its pages to decode the codes, with a reader of their own.
ensure_pdf_tools() {
  if command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then return; fi
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq poppler-utils >/dev/null
}

# Chromium for the browser tests, and a CJK font so screenshots show Chinese.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk'; then return; fi
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
}

# npm ci when node_modules is missing or older than the lockfile.
npm_install() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
