package io.parceltrack.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long every benchmark of this module runs, kept in one place (JMH annotations are inherited):
 * 3 forks, each 3 warm-up and 5 measured iterations of 2 s. Fifteen measured iterations give a
 * median and quartiles that mean something on a noisy machine; JMH's {@code -f}, {@code -wi},
 * {@code -i}, {@code -w} and {@code -r} override it for one run.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public abstract class BenchmarkRun {}
