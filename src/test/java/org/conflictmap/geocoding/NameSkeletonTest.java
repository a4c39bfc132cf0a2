package org.conflictmap.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A name of two or more words in another romanisation is the same name (heldout12: "Mohmand Dara district" read as
 * Pakistan's Mohmand and Panjshir's Dara, "Dand-e Patan" as the Punjab town of Patan), while one word stays exact.
 */
class NameSkeletonTest {
    @Test
    void vowelsConnectorsAndDoubledLettersAreOneSkeleton() {
        assertThat(NameIndex.skeleton("mohmand dara")).isEqualTo(NameIndex.skeleton("muhmand dara"));
        assertThat(NameIndex.skeleton("dand e patan")).isEqualTo(NameIndex.skeleton("dand patan"));
        assertThat(NameIndex.skeleton("dara i nur")).isEqualTo(NameIndex.skeleton("darah e noor"));
        assertThat(NameIndex.skeleton("spera")).isEqualTo(NameIndex.skeleton("spira"));
    }

    @Test
    void differentConsonantsStayApart() {
        assertThat(NameIndex.skeleton("paktia")).isNotEqualTo(NameIndex.skeleton("paktika"));
        assertThat(NameIndex.skeleton("lower dir")).isNotEqualTo(NameIndex.skeleton("upper dir"));
    }
}
