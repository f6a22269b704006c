package org.agentworkspace.bench.jmh;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.agentworkspace.core.domain.ApiKey;
import org.agentworkspace.core.domain.KeyDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What every agent request pays before its database lookup, and what a garbage key pays in all. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ApiKeyBenchmark {
    private String valid;
    private String badChecksum;

    @Setup
    public void setUp() {
        valid = ApiKey.generate(new SecureRandom()).reveal();
        char last = valid.charAt(valid.length() - 1);
        badChecksum = valid.substring(0, valid.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    @Benchmark
    public KeyDigest parseAndDigest() {
        return ApiKey.parse(valid).orElseThrow().digest();
    }

    @Benchmark
    public boolean rejectBadChecksum() {
        return ApiKey.parse(badChecksum).isPresent();
    }
}
