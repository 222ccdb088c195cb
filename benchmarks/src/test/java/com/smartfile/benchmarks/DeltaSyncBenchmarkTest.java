package com.smartfile.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delta-sync row can be measured, at a small size: both directions use a delta and move few bytes. */
class DeltaSyncBenchmarkTest {

    @TempDir
    Path work;

    @Test
    @SuppressWarnings("unchecked")
    void measuresBothDirections() throws Exception {
        SuiteOptions o = SuiteOptions.parse("--quick", "--size", "4MiB", "--work-dir", work.toString());
        Map<String, Object> m = DeltaSyncBenchmark.run(o);
        assertEquals(4L << 20, m.get("sizeBytes"));
        for (String direction : new String[] {"upload", "download"}) {
            Map<String, Object> row = (Map<String, Object>) m.get(direction);
            double fraction = (double) row.get("wireFraction");
            // 1 % of the blocks rewritten: the delta and the signature stay well under a tenth of the file
            assertTrue(fraction > 0.01 && fraction < 0.1, direction + " moved " + fraction + " of the file");
        }
        assertTrue(m.get("markdown").toString().contains("| upload |"));
        Map<String, Object> hashing = (Map<String, Object>) m.get("hashing");
        java.util.List<Object> rows = (java.util.List<Object>) hashing.get("rows");
        assertEquals(4, rows.size(), "signature and delta, BLAKE2 and MD4");
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/rdiff"))) {   // rdiff timed beside us, same bytes
            for (Object each : rows) {
                Map<String, Object> row = (Map<String, Object>) each;
                assertTrue(row.get("rdiff") != null, row.toString());
                if (row.containsKey("sameBytesAsRdiff")) {
                    assertEquals(Boolean.TRUE, row.get("sameBytesAsRdiff"), row.toString());
                }
            }
        }
    }
}
