package muster.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of an output path made before a command does its work, so that a path that cannot be
 * written is refused at once by name instead of failing after the planning, with the name of a
 * temporary file. Missing directories are not a problem: the commands create them.
 */
final class OutPath {
    private OutPath() {}

    /**
     * Why {@code dir} cannot be the directory to write the files {@code names} in, or null when it
     * can: a file to be replaced that is a directory, or not writable, is named before any work.
     */
    static String dirProblem(Path dir, java.util.List<String> names) {
        String problem = dirProblem(dir);
        if (problem != null) {
            return problem;
        }
        for (String name : names) {
            Path f = dir.toAbsolutePath().normalize().resolve(name);
            if (Files.isDirectory(f)) {
                return f + " is a directory, not a file";
            }
            if (Files.exists(f) && !Files.isWritable(f)) {
                return f + " exists and is not writable";
            }
        }
        return null;
    }

    /** Why {@code dir} cannot be the directory to write in, or null when it can. */
    static String dirProblem(Path dir) {
        if (dir.toString().isBlank()) {
            return "an empty path names no directory";
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            return abs + " is a file, not a directory";
        }
        return ancestorProblem(abs);
    }

    /** Why {@code file} cannot be written, or null when it can. */
    static String fileProblem(Path file) {
        if (file.toString().isBlank()) {
            return "an empty path names no file";
        }
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return abs + " is a directory, not a file";
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            return abs + " exists and is not writable";
        }
        Path parent = abs.getParent();
        return parent == null ? null : ancestorProblem(parent);
    }

    /**
     * {@code path} with its '.' and '..' taken out, as the checks see it: every later use (the
     * directories made, the files staged and moved, the paths printed) goes by this one path, so
     * that {@code a/missing/../x} is {@code a/x} throughout instead of being checked as {@code a/x}
     * and written through a directory {@code a/missing} that does not exist. A path that comes to
     * nothing ({@code x/..}) is the working directory; an empty path stays empty, to be refused.
     */
    static Path normal(Path path) {
        if (path == null || path.toString().isBlank()) {
            return path;
        }
        Path n = path.normalize();
        return n.toString().isEmpty() ? Path.of(".") : n;
    }

    /** The most characters of a scenario name that go into a default output path. */
    static final int MAX_SEGMENT = 100;

    /**
     * The scenario name {@code name} as one safe segment of a path, for the default output {@code
     * out/<name>/}: a name is the scenario author's free text, and one such as {@code ../../x} or
     * {@code /etc} must not send files outside {@code out/}. Each character other than a letter, a
     * digit, '.', '_' and '-' becomes '-'; leading dots and dashes go (no hidden file, no '..', no
     * name read as an option); what is left is cut to {@value #MAX_SEGMENT} characters, and an
     * empty result is {@code scenario}. A name made only of the allowed characters stays as it is.
     */
    static String segment(String name) {
        StringBuilder b = new StringBuilder();
        String s = name == null ? "" : name;
        s.codePoints()
                .forEach(
                        c ->
                                b.appendCodePoint(
                                        Character.isLetterOrDigit(c)
                                                        || c == '.'
                                                        || c == '_'
                                                        || c == '-'
                                                ? c
                                                : '-'));
        int start = 0;
        while (start < b.length() && (b.charAt(start) == '.' || b.charAt(start) == '-')) {
            start++;
        }
        String safe = b.substring(start);
        if (safe.codePointCount(0, safe.length()) > MAX_SEGMENT) {
            safe = safe.substring(0, safe.offsetByCodePoints(0, MAX_SEGMENT));
        }
        return safe.isEmpty() ? "scenario" : safe;
    }

    /** Makes the directories {@code file} is to be written in, where they are missing. */
    static void makeParent(Path file) throws IOException {
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }

    /** Why the directory {@code dir} can be neither used nor created, or null. */
    private static String ancestorProblem(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return null;
        }
        if (!Files.isDirectory(p)) {
            return p + " is a file, so the directory " + dir + " cannot be made";
        }
        if (!Files.isWritable(p)) {
            return "the directory " + p + " is not writable";
        }
        return null;
    }
}
