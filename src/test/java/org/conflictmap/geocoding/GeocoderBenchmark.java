package org.conflictmap.geocoding;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Throughput of {@code Geocoder.parse} with the whole gazetteer loaded, and the heap the name index
 * takes. A benchmark, not a test: tagged {@code bench}, excluded from {@code mvn verify}; run with
 * {@code mvn verify -Dgroups=bench -DexcludedGroups= -Dtest=GeocoderBenchmark} (scripts/bench does).
 */
@OnH2gis
@Tag("bench")
class GeocoderBenchmark {
    @Autowired
    Geocoder geocoder;

    @Autowired
    org.conflictmap.gazetteer.Gazetteer gazetteer;

    private static long usedAfterGc() {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void throughput() {
        String dispatch =
                "Pakistani jets struck targets in Nangarhar and Paktika overnight, officials in Kabul said on Sunday. "
                        + "Shelling closed the Torkham border crossing while Kunar’s governor reported clashes along the Durand Line. "
                        + "Residents of Khost province and Peshawar described heavy fire; Islamabad accuses Kabul of sheltering militants. ";
        String text = dispatch.repeat(2000);
        double mb = text.length() / 1e6;
        for (int k = 0; k < 3; k++) {
            geocoder.parse(text, LocalDate.of(2026, 2, 27));
        }
        int rounds = 10;
        long t0 = System.nanoTime();
        int mentions = 0;
        for (int k = 0; k < rounds; k++) {
            mentions +=
                    geocoder.parse(text, LocalDate.of(2026, 2, 27)).mentions().size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long before = usedAfterGc();
        NameIndex another = new NameIndex(gazetteer);
        long index = usedAfterGc() - before;
        long heap = usedAfterGc();
        System.out.printf(
                "GEOCODER-BENCH throughput %.2f MB/s on one thread (%d mentions), %d places, name index %d names "
                        + "%.1f MB, heap in use %d MB%n",
                mb * rounds / seconds,
                mentions / rounds,
                gazetteer.all().size(),
                another.size(),
                index / 1e6,
                heap / 1_000_000);
    }
}
