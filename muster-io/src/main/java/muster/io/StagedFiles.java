package muster.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files of one result written together: each is first written to a temporary file beside its place,
 * and only {@link #commit} moves them all into place (atomically where the file system can). A
 * failure before the commit leaves whatever was there before untouched and no temporary file
 * behind, so a reader never finds half a file, or a new file among old ones.
 */
public final class StagedFiles implements AutoCloseable {
    private final Path dir;
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    /** Files to be placed in {@code dir}, which must exist. */
    public StagedFiles(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /**
     * A temporary file to write for {@code dir/name}; {@link #commit} moves it there. When {@code
     * dir/name} is a symbolic link, the file is staged beside the link's target and moved onto it
     * (see {@link #placeOf}); when it is anything but a regular file (a directory, a device, a
     * pipe, a socket) it is refused with a {@link FileSystemException} naming it. It is created as
     * any new file is, so the placed file has the permissions the user's umask gives (a temporary
     * file from {@link Files#createTempFile} would be readable by its owner alone).
     */
    public Path stage(String name) throws IOException {
        // through a link the file it names is replaced, and the link kept; a device, pipe or
        // socket is never replaced by a file
        Path place = placeOf(dir.resolve(name));
        if (Files.exists(place) && !Files.isRegularFile(place)) {
            throw new FileSystemException(
                    place.toString(), null, "not a regular file; muster writes only regular files");
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = besideAsTemporary(place);
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
            } catch (FileAlreadyExistsException e) {
                if (attempt < 9) {
                    continue;
                }
                throw e;
            }
            staged.put(place, tmp);
            return tmp;
        }
    }

    /**
     * A name beside {@code place} for a file that becomes {@code place} once whole: hidden, with a
     * random part, so that two writers never pick the same one and a reader of the directory passes
     * it by.
     */
    public static Path besideAsTemporary(Path place) {
        return place.resolveSibling(
                "."
                        + place.getFileName()
                        + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + ".tmp");
    }

    /** Links followed from a path before it is taken for a loop, as the Linux kernel does. */
    private static final int MAX_LINKS = 40;

    /**
     * Where a file written as {@code path} goes: {@code path} itself (absolute, normalized), or,
     * when it is a symbolic link, the file at the end of its links, also when that file does not
     * exist yet. Writing through a link thus replaces the file it names and keeps the link, as an
     * editor does; moving a new file onto the link itself would replace the link by a file and
     * leave the file it named as it was.
     */
    public static Path placeOf(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.isSymbolicLink(p)) {
            return p;
        }
        if (Files.exists(p)) {
            return p.toRealPath();
        }
        for (int links = 0; Files.isSymbolicLink(p); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(
                        path.toString(), null, "too many levels of symbolic links");
            }
            Path target = Files.readSymbolicLink(p);
            p = p.getParent().toRealPath().resolve(target).normalize();
        }
        return p;
    }

    /**
     * Moves every staged file into its place, in the order they were staged. A file that replaces
     * another keeps the other's permissions (a scenario a planner made read-only stays so after
     * {@code import-lines} rewrites it).
     */
    public void commit() throws IOException {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            if (Files.exists(e.getKey())
                    && Files.getFileStore(e.getValue()).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(
                        e.getValue(), Files.getPosixFilePermissions(e.getKey()));
            }
            try {
                Files.move(
                        e.getValue(),
                        e.getKey(),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException x) {
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        staged.clear();
    }

    /** Deletes the temporary files of a result that was not committed. */
    @Override
    public void close() throws IOException {
        for (Path tmp : staged.values()) {
            Files.deleteIfExists(tmp);
        }
        staged.clear();
    }
}
