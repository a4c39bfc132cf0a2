package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scratch directories of exports whose process died are swept at start-up; a live process's are kept. */
class ScratchDirectoriesTest {
    @TempDir
    Path tmp;

    @Test
    void sweepRemovesOnlyTheDirectoriesOfGoneProcesses() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Path dead = Files.createDirectories(tmp.resolve(ScratchDirectories.PREFIX + gone.pid() + "-123"));
            Files.writeString(Files.createDirectories(dead.resolve("shp")).resolve("incidents.spool"), "rows");
            Path live = Files.createDirectories(tmp.resolve(ScratchDirectories.PREFIX + alive.pid() + "-456"));
            Path mine = Files.createDirectories(tmp.resolve(
                    ScratchDirectories.PREFIX + ProcessHandle.current().pid() + "-789"));
            Path legacyOld = Files.createDirectories(tmp.resolve(ScratchDirectories.PREFIX + "4711051"));
            Files.setLastModifiedTime(legacyOld, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            Path legacyNew = Files.createDirectories(tmp.resolve(ScratchDirectories.PREFIX + "4711052"));
            Path other = Files.createDirectories(tmp.resolve("someone-else-123"));

            assertThat(ScratchDirectories.sweep(tmp)).isEqualTo(2);

            assertThat(dead).doesNotExist();
            assertThat(legacyOld).doesNotExist();
            assertThat(live).exists();
            assertThat(mine).exists();
            assertThat(legacyNew).exists();
            assertThat(other).exists();
        } finally {
            alive.destroy();
        }
    }

    @Test
    void aScratchDirectoryCarriesItsProcessAndIsDeletedWithItsFiles() throws Exception {
        Path dir = ScratchDirectories.create();
        Files.writeString(Files.createDirectories(dir.resolve("inner")).resolve("scratch.mv.db"), "x");
        assertThat(dir.getFileName().toString())
                .startsWith(ScratchDirectories.PREFIX + ProcessHandle.current().pid() + "-");
        assertThat(ScratchDirectories.delete(dir)).isTrue();
        assertThat(dir).doesNotExist();
    }
}
