# Package lists shared by run.sh, test.sh and the benchmarks (sourced, not run).
# shellcheck disable=SC2034
build_packages=(
  g++ cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libhowardhinnant-date-dev tzdata libsqlitecpp-dev libsqlite3-dev
  libsodium-dev libcurl4-openssl-dev libxlsxwriter-dev libicu-dev libqrencode-dev zlib1g-dev
)
test_packages=(
  catch2 curl clang libclang-rt-14-dev python3 python3-icalendar python3-recurring-ical-events python3-html5lib python3-aiosmtpd openssl libical-dev python3-openpyxl chromium e2fsprogs default-jre-headless
  python3-vobject python3-dateutil ruby ruby-icalendar php-cli php-sabre-vobject radicale python3-feedparser
)
bench_packages=(nginx-light wrk)
