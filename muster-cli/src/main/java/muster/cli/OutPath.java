package muster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import muster.io.ScenarioReader;
import muster.io.StagedFiles;

/**
 * Checks of an output path made before a command does its work, so that a path that cannot be
 * written is refused at once by name instead of failing after the planning, with the name of a
 * temporary file. Missing directories are not a problem: the commands create them.
 */
final class OutPath {
    private OutPath() {}

    /**
     * Why {@code dir} cannot be the directory to write the files {@code names} in, or null when it
     * can: a file to be replaced that is a directory, a device, a pipe or a socket, or not
     * writable, is named before any work.
     */
    static String dirProblem(Path dir, java.util.List<String> names) {
        String problem = dirProblem(dir);
        if (problem != null) {
            return problem;
        }
        for (String name : names) {
            problem = placeProblem(dir.toAbsolutePath().normalize().resolve(name));
            if (problem != null) {
                return problem;
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
        if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
            return abs + " is a link to " + place(abs) + ", which does not exist";
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            return abs
                    + " is "
                    + (Files.isRegularFile(abs) ? "a file" : kind(abs))
                    + ", not a directory";
        }
        return ancestorProblem(abs);
    }

    /** Why {@code file} cannot be written, or null when it can. */
    static String fileProblem(Path file) {
        if (file.toString().isBlank()) {
            return "an empty path names no file";
        }
        Path abs = file.toAbsolutePath().normalize();
        String problem = placeProblem(abs);
        if (problem != null) {
            return problem;
        }
        Path parent = place(abs).getParent();
        return parent == null ? null : ancestorProblem(parent);
    }

    /**
     * Why {@code file} cannot name a scenario that muster writes, or null when it can: the name's
     * ending says the syntax ({@code .json} JSON, {@code .yaml} or {@code .yml} YAML), as {@link
     * ScenarioReader#syntaxOf} reads it for the writer, and under any other ({@code x.csv}, say)
     * the file would hold YAML its name does not promise.
     */
    static String scenarioNameProblem(Path file) {
        Path name = file.getFileName();
        if (ScenarioReader.syntaxOf(name == null ? null : name.toString()) != null) {
            return null;
        }
        return "'"
                + file
                + "' does not end in .yaml, .yml or .json, which say whether the scenario is"
                + " written as YAML or JSON";
    }

    /** The hint under {@link #scenarioNameProblem}: the same name ending in .yaml. */
    static String scenarioNameHint(Path file) {
        String name = file.getFileName() == null ? "scenario" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String yaml = (dot > 0 ? name.substring(0, dot) : name) + ".yaml";
        return "  Maybe --out "
                + yaml
                + "; 'muster export-lines SCENARIO --out FILE.csv' writes a scenario's"
                + " requirement lines as CSV.";
    }

    /**
     * Where a file written as {@code file} lands: the file itself, or the file at the end of its
     * symbolic links (the staged file is moved there, and the link kept). A link that cannot be
     * followed is taken as it is, for the write to name.
     */
    static Path place(Path file) {
        try {
            return StagedFiles.placeOf(file);
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * Why the file {@code abs} cannot be replaced by a regular file, or null: a directory, or a
     * device, pipe or socket, which the commands write through neither by a temporary file moved
     * over them (that would replace a device node, as root even /dev/null) nor in place.
     */
    private static String placeProblem(Path abs) {
        Path at = place(abs);
        String shown = at.equals(abs) ? abs.toString() : abs + " (a link to " + at + ")";
        if (Files.isDirectory(at)) {
            return shown + " is a directory, not a file";
        }
        if (Files.exists(at) && !Files.isRegularFile(at)) {
            return shown
                    + " is "
                    + kind(at)
                    + ", not a regular file; muster writes only regular files";
        }
        if (Files.exists(at) && !Files.isWritable(at)) {
            return shown + " exists and is not writable";
        }
        return null;
    }

    /** What sort of thing {@code p} is, for a message: "a character device", "a socket" ... */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            switch (mode & 0170000) {
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0010000:
                    return "a named pipe (FIFO)";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view here: the plain word does
        }
        return "a special file";
    }

    /**
     * Whether {@code file}, or the file its links lead to, exists and is neither a regular file nor
     * a directory: a device, a pipe or a socket, which no command replaces or reads as a scenario.
     */
    static boolean isSpecial(Path file) {
        Path at = place(file);
        return Files.exists(at) && !Files.isRegularFile(at) && !Files.isDirectory(at);
    }

    /**
     * Whether writing {@code output} would replace the file {@code input}: both exist and are one
     * file, by any path (a link, a hard link, '..'). Checked before the work, since the input is
     * read before the output is written and would be lost to its own result.
     */
    static boolean isInput(Path output, Path input) {
        try {
            return Files.exists(input)
                    && Files.exists(output)
                    && Files.isSameFile(place(output), input);
        } catch (IOException e) {
            return false;
        }
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
        Path dir = place(file).getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }

    /** Writing one output file, which may fail. */
    interface Write {
        void run() throws IOException;
    }

    /**
     * Makes the directories {@code file} goes in and runs {@code write}, which writes it through a
     * temporary file moved into place (so a failure leaves an old file as it was); true when it was
     * written. When it was not (a full disk, a read-only file system, a directory that takes no new
     * files), says so on {@code err} in one line naming {@code file} as given and the cause, and
     * what is left, and returns false: the command then exits {@link ExitCode#INTERNAL}. The error
     * itself may name no file (a full disk) or the temporary one.
     */
    static boolean write(Path file, PrintWriter err, String unchanged, Write write) {
        boolean existed = Files.exists(file);
        try {
            makeParent(file);
            write.run();
            return true;
        } catch (IOException e) {
            err.println(
                    "error: "
                            + unwritten(file, e)
                            + "; "
                            + (existed ? file + " is left as it was" : "nothing was written")
                            + (unchanged == null ? "" : "; " + unchanged));
            err.flush();
            return false;
        }
    }

    /**
     * The failed write of {@code file} in words: "could not write FILE: CAUSE", with the place the
     * cause is about when it is neither the file nor its temporary file (a directory on the way
     * that could not be made).
     */
    static String unwritten(Path file, IOException e) {
        String at = "";
        if (e instanceof FileSystemException f && f.getFile() != null) {
            Path named = Path.of(f.getFile()).toAbsolutePath().normalize();
            Path place = place(file);
            Path name = place.getFileName();
            boolean staged =
                    name != null
                            && named.getParent() != null
                            && named.getParent().equals(place.getParent())
                            && named.getFileName().toString().startsWith("." + name + ".");
            if (!named.equals(place)
                    && !named.equals(file.toAbsolutePath().normalize())
                    && !staged) {
                at = named + ": ";
            }
        }
        return "could not write " + file + ": " + at + reason(e);
    }

    /** The cause of a failed write in words, without the file that the message names anyway. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or directory";
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
