package io.parceltrack.bench.fleet;

/**
 * One line of pgbench's per-transaction log ({@code --log}):
 * {@code client_id transaction_no time script_no time_epoch time_us [schedule_lag]}, where
 * {@code time} is the transaction's duration in µs (or {@code failed}/{@code skipped}) and
 * {@code schedule_lag}, present with {@code --rate}, how late it started. The latency that compares
 * with an open-loop HTTP request counted from its due time is the sum of the two; {@code time_epoch}
 * and {@code time_us} say when the transaction ended, so it was due that latency earlier.
 */
record TransactionLog(boolean failed, long latencyMicros, long dueEpochMicros) {

    static TransactionLog parse(String line) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 6) {
            throw new IllegalArgumentException("not a pgbench transaction log line: " + line);
        }
        long ended = Long.parseLong(fields[4]) * 1_000_000 + Long.parseLong(fields[5]);
        if (!fields[2].chars().allMatch(Character::isDigit)) {
            return new TransactionLog(true, 0, ended);
        }
        long time = Long.parseLong(fields[2]);
        long lag = fields.length > 6 ? Long.parseLong(fields[6]) : 0;
        return new TransactionLog(false, time + lag, ended - time - lag);
    }
}
