package io.parceltrack.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void readsTheResidentSetFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  312456 kB\nRssAnon:\t 290000 kB\n";

        assertThat(ProcessMemory.rssKiB(status)).isEqualTo(312456);
        assertThat(ProcessMemory.rssKiB("Name:\tkthreadd\n")).isNaN();
    }

    @Test
    void sumsTheHeapPoolsOfJvmMemoryUsedAndLeavesTheOthersOut() {
        String metrics = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{app="parcels-manager-service",area="heap",id="G1 Eden Space"} 1.2E7
                jvm_memory_used_bytes{app="parcels-manager-service",area="heap",id="G1 Old Gen"} 3.0E7
                jvm_memory_used_bytes{app="parcels-manager-service",area="nonheap",id="Metaspace"} 5.0E7
                jvm_memory_committed_bytes{app="parcels-manager-service",area="heap",id="G1 Old Gen"} 9.0E7
                """;

        assertThat(ProcessMemory.heapBytes(metrics)).isCloseTo(4.2e7, within(1e-3));
        assertThat(ProcessMemory.heapBytes("# nothing\n")).isNaN();
    }
}
