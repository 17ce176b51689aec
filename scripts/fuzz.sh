#!/usr/bin/env bash
# Run each cargo-fuzz target of fuzz/ for a bounded time, one after the other, and report the
# executions. Not part of every CI run: fuzzing is slow and its findings are turned into
# regression tests (tests/fuzz_regressions.rs), which CI runs.
#
#   scripts/fuzz.sh                 # every target, 600 s each
#   scripts/fuzz.sh 60 dates quotes # 60 s each, these targets only
#   FUZZ_SANITIZER=address scripts/fuzz.sh
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). cargo fuzz passes nightly flags to rustc; on a
# stable toolchain RUSTC_BOOTSTRAP=1 lets it. Findings land in fuzz/artifacts/TARGET/, the growing
# corpus in fuzz/corpus/TARGET/ (the seeds we wrote are in fuzz/seeds/TARGET/). Exit status 1 when
# any target found a crash, a hang or an out-of-memory input.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(pipeline dates quotes fold kb_rows)
fi
sanitizer=${FUZZ_SANITIZER:-none}
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "scripts/fuzz.sh: cargo-fuzz is missing; install it with 'cargo install cargo-fuzz'" >&2
  exit 2
fi

logs=fuzz/logs
mkdir -p "$logs"
status=0
report=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  log="$logs/$t.log"
  echo "== fuzzing $t for ${seconds}s (log: $log)"
  # -a: debug assertions (overflow checks) on; -timeout: an input slower than 10 s is a hang;
  # -rss_limit_mb: an input that needs more than 2 GB is a failure too.
  cargo fuzz run --fuzz-dir fuzz -a --sanitizer "$sanitizer" "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  secs=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    verdict="ok"
  else
    verdict="FAILED (exit $rc; see $log and fuzz/artifacts/$t/)"
    status=1
  fi
  line="$t: ${execs:-?} executions in ${seconds}s (${secs:-?}/s, ${cov:-cov ?}) — $verdict"
  echo "$line"
  report+=("$line")
done

echo "== summary"
printf '%s\n' "${report[@]}"
exit "$status"
