package muster.io.force;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import muster.engine.orders.OrderLog;
import muster.model.force.OrderEvent;

/**
 * An order log in a file: one JSON object per line, appended and forced to disk before {@link
 * #append} returns. The file is never rewritten. A log whose last line is cut short (a crash in the
 * middle of a write) or any line that does not parse is refused with the line number; the file is
 * left as it is, so no earlier event is lost.
 */
public final class FileOrderLog implements OrderLog {
    private final Path path;

    public FileOrderLog(Path path) {
        this.path = path;
    }

    /** A log file that cannot be read whole. */
    public static final class CorruptLog extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CorruptLog(String message) {
            super(message);
        }
    }

    @Override
    public List<OrderEvent> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read order log " + path + ": " + cause(e, path), e);
        }
        return parse(bytes);
    }

    /** The events of the log's bytes, refused as {@link #read} says. */
    private List<OrderEvent> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<OrderEvent> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        // A complete file ends with a newline, so the last split element is empty.
        int n = lines.length - 1;
        if (!lines[n].isEmpty()) {
            throw new CorruptLog(
                    path
                            + ":"
                            + (n + 1)
                            + ": the last line is cut short (no end of line): '"
                            + abbreviate(lines[n])
                            + "'; the "
                            + n
                            + " events before it are intact. Move the file aside and keep its first "
                            + n
                            + " lines to go on.");
        }
        for (int i = 0; i < n; i++) {
            if (lines[i].isBlank()) {
                throw new CorruptLog(path + ":" + (i + 1) + ": empty line in the order log");
            }
            OrderEvent e;
            try {
                e = OrderEventJson.read(lines[i]);
            } catch (IllegalArgumentException x) {
                throw new CorruptLog(
                        path
                                + ":"
                                + (i + 1)
                                + ": unreadable order event ("
                                + x.getMessage()
                                + "): '"
                                + abbreviate(lines[i])
                                + "'"
                                + (i == n - 1
                                        ? "; the " + i + " events before it are intact"
                                        : ""));
            }
            if (e.seq() != i + 1) {
                throw new CorruptLog(
                        path
                                + ":"
                                + (i + 1)
                                + ": event sequence "
                                + e.seq()
                                + " where "
                                + (i + 1)
                                + " was expected");
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Appends under an exclusive lock on the file, so two processes cannot both append the same
     * sequence number: the sequence is checked against the file as it is once the lock is held.
     */
    @Override
    public void append(OrderEvent event) {
        byte[] line = (OrderEventJson.write(event) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean writing = false;
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (FileChannel ch =
                            FileChannel.open(
                                    path,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.READ,
                                    StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                // Read through the locked channel: the lock belongs to the process, and closing
                // any other handle on the file (as Files.readAllBytes does) would drop it.
                long size = ch.size();
                ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
                while (all.hasRemaining() && ch.read(all, all.position()) >= 0) {
                    // read on until the whole file is in
                }
                long expected = parse(all.array()).size() + 1L;
                if (event.seq() != expected) {
                    throw new OrderLog.Moved(
                            "the order log "
                                    + path
                                    + " changed while this command ran (event "
                                    + event.seq()
                                    + " is no longer the next, "
                                    + expected
                                    + "); run the command again");
                }
                ByteBuffer buf = ByteBuffer.wrap(line);
                writing = true;
                long at = size;
                while (buf.hasRemaining()) {
                    at += ch.write(buf, at);
                }
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot append to order log "
                            + path
                            + ": "
                            + cause(e, path)
                            + (writing
                                    ? "; the event may be in it in part, and the next command"
                                            + " would name a cut-short last line"
                                    : "; nothing was written to it"),
                    e);
        }
    }

    /**
     * What went wrong, in words: the JDK's message of a denied permission, a missing directory or a
     * file in the way is the file's name alone. A file other than the log (a directory on the way)
     * is named after the cause.
     */
    static String cause(IOException e, Path log) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            why = "not a directory";
        } else if (e instanceof FileSystemException f) {
            why = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        } else {
            why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        if (e instanceof FileSystemException f
                && f.getFile() != null
                && !Path.of(f.getFile()).toAbsolutePath().equals(log.toAbsolutePath())) {
            why += " (" + f.getFile() + ")";
        }
        return why;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
