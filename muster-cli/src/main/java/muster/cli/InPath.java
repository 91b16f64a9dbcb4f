package muster.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of an input file made before a command reads it, so that a mistyped path or a directory is
 * refused by name and reason instead of surfacing as a parser's or the file system's exception.
 */
final class InPath {
    private InPath() {}

    /** Why {@code file} cannot be read as an input file, or null when it can. */
    static String problem(Path file) {
        if (Files.isDirectory(file)) {
            return "is a directory, not a file";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (!Files.isRegularFile(file)) {
            return "is not a regular file";
        }
        if (!Files.isReadable(file)) {
            return "is not readable (permission denied)";
        }
        return null;
    }
}
