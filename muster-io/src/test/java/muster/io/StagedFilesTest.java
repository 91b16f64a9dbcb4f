package muster.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFilesTest {
    @TempDir Path dir;

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
    }

    @Test
    void aFailureBeforeTheCommitLeavesTheOldFilesAndNoTemporaryOne() throws IOException {
        Files.writeString(dir.resolve("plan.json"), "old plan");
        Files.writeString(dir.resolve("lines.csv"), "old lines");
        assertThatThrownBy(
                        () -> {
                            try (StagedFiles f = new StagedFiles(dir)) {
                                Files.writeString(f.stage("plan.json"), "new plan");
                                Files.writeString(f.stage("lines.csv"), "new li");
                                throw new IOException("disk full");
                            }
                        })
                .hasMessage("disk full");
        assertThat(Files.readString(dir.resolve("plan.json"))).isEqualTo("old plan");
        assertThat(Files.readString(dir.resolve("lines.csv"))).isEqualTo("old lines");
        assertThat(names()).containsExactly("lines.csv", "plan.json");
    }

    @Test
    void aPlacedFileHasThePermissionsOfAnyNewFileThere() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        try (StagedFiles f = new StagedFiles(dir)) {
            Files.writeString(f.stage("plan.json"), "new plan");
            f.commit();
        }
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            // with the usual umask 022 both are rw-r--r--; a temporary file would be rw-------
            assertThat(Files.getPosixFilePermissions(dir.resolve("plan.json")))
                    .isEqualTo(Files.getPosixFilePermissions(plain));
        }
        assertThat(Files.readString(dir.resolve("plan.json"))).isEqualTo("new plan");
    }

    @Test
    void aFileThatReplacesAnotherKeepsItsPermissions() throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return; // nothing to keep on this file system
        }
        Path scenario = Files.writeString(dir.resolve("scenario.yaml"), "old");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> readOnly =
                java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----");
        Files.setPosixFilePermissions(scenario, readOnly);
        try (StagedFiles f = new StagedFiles(dir)) {
            Files.writeString(f.stage("scenario.yaml"), "new");
            f.commit();
        }
        assertThat(Files.readString(scenario)).isEqualTo("new");
        assertThat(Files.getPosixFilePermissions(scenario)).isEqualTo(readOnly);
    }

    @Test
    void theCommitPlacesEveryFileAndLeavesNothingElse() throws IOException {
        Files.writeString(dir.resolve("plan.json"), "old plan");
        try (StagedFiles f = new StagedFiles(dir)) {
            Files.writeString(f.stage("plan.json"), "new plan");
            Files.writeString(f.stage("report.html"), "<html>");
            assertThat(Files.readString(dir.resolve("plan.json"))).isEqualTo("old plan");
            assertThat(dir.resolve("report.html")).doesNotExist();
            f.commit();
        }
        assertThat(Files.readString(dir.resolve("plan.json"))).isEqualTo("new plan");
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("<html>");
        assertThat(names()).containsExactly("plan.json", "report.html");
    }

    @Test
    void throughASymbolicLinkTheFileItNamesIsReplacedAndTheLinkKept() throws IOException {
        Path real =
                Files.writeString(
                        Files.createDirectories(dir.resolve("real")).resolve("s.yaml"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("s.yaml"), Path.of("real/s.yaml"));
        Path dangling = Files.createSymbolicLink(dir.resolve("new.csv"), Path.of("real/new.csv"));
        try (StagedFiles f = new StagedFiles(dir)) {
            Path tmp = f.stage("s.yaml");
            assertThat(tmp.getParent()).isEqualTo(real.getParent().toRealPath());
            Files.writeString(tmp, "new");
            Files.writeString(f.stage("new.csv"), "lines");
            f.commit();
        }
        assertThat(link).isSymbolicLink();
        assertThat(dangling).isSymbolicLink();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(Files.readString(dir.resolve("real/new.csv"))).isEqualTo("lines");
        assertThat(StagedFiles.placeOf(link)).isEqualTo(real.toRealPath());
    }

    @Test
    void aPlaceThatIsNoRegularFileIsRefusedByName() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("plan.json"));
        Path toNull = Files.createSymbolicLink(dir.resolve("null.csv"), Path.of("/dev/null"));
        try (StagedFiles f = new StagedFiles(dir)) {
            assertThatThrownBy(() -> f.stage("plan.json"))
                    .hasMessageContaining(sub.toString())
                    .hasMessageContaining("not a regular file");
            if (Files.exists(Path.of("/dev/null"))) {
                assertThatThrownBy(() -> f.stage("null.csv"))
                        .hasMessageContaining("/dev/null: not a regular file");
            }
        }
        assertThat(toNull).isSymbolicLink();
        assertThat(names()).containsExactly("null.csv", "plan.json");
    }
}
