package muster.io.force;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import muster.engine.orders.OrderLog;
import muster.io.StagedFiles;
import muster.model.force.OrderEvent;

/**
 * An order log in a file: one JSON object per line, appended in one write and forced to disk before
 * {@link #append} returns; a new log's name is forced with its directory. The file is never
 * rewritten; an append that fails part way is cut back off it, and a new log appears only with its
 * first event whole. A log whose last line is cut short (a crash in the middle of a write) or any
 * line that does not parse is refused with the line number; the file is left as it is, so no
 * earlier event is lost, until {@link #repair} sets a cut line aside. Reads hold a shared lock on
 * the file and appends an exclusive one, so processes sharing the log see each other's events
 * whole; logs on one file in one process take turns. One instance serves one thread at a time.
 */
public final class FileOrderLog implements OrderLog {
    private final Path path;
    private final Channels channels;

    /** The log file open under this process's exclusive lock while a command runs in turn. */
    private FileChannel held;

    public FileOrderLog(Path path) {
        this(path, FileChannel::open);
    }

    /** A log whose files are opened by {@code channels} (a test's, to fail a write part way). */
    FileOrderLog(Path path, Channels channels) {
        this.path = path;
        this.channels = channels;
    }

    /** Opens a file of the log, as {@link FileChannel#open(Path, OpenOption...)} does. */
    interface Channels {
        FileChannel open(Path file, OpenOption... options) throws IOException;
    }

    /** A log file that cannot be read whole. */
    public static final class CorruptLog extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CorruptLog(String message) {
            super(message);
        }
    }

    /**
     * The events of the log. It is read under a shared lock on the file, so that an event another
     * process is appending is read whole or not at all, never its first pages alone; on a file
     * system that has no locks it is read as it is.
     */
    @Override
    public List<OrderEvent> read() {
        if (held != null) {
            try {
                return parse(readAll(held));
            } catch (IOException e) {
                throw cannotRead(e);
            }
        }
        return alone(
                () -> {
                    if (!Files.exists(path)) {
                        return List.of();
                    }
                    try (FileChannel ch = channels.open(path, StandardOpenOption.READ)) {
                        try {
                            ch.lock(0, Long.MAX_VALUE, true);
                        } catch (IOException noLocks) {
                            // a file system without locks: read it as it is
                        }
                        return parse(readAll(ch));
                    } catch (IOException e) {
                        throw cannotRead(e);
                    }
                });
    }

    private UncheckedIOException cannotRead(IOException e) {
        return new UncheckedIOException("cannot read order log " + path + ": " + cause(e, path), e);
    }

    /**
     * The lock of each log file in this process, by its place, which every user of the file here
     * takes before its lock on the file. The file's lock belongs to the process: a second lock on
     * it here is refused at once (OverlappingFileLockException) rather than waited for, and closing
     * any channel on the file drops the lock another holds. Logs used in a process are few, and
     * their locks are kept.
     */
    private static final java.util.concurrent.ConcurrentHashMap<
                    Path, java.util.concurrent.locks.ReentrantLock>
            IN_PROCESS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Runs {@code body} holding this process's lock of the log file, so that of two logs on the
     * file in this process (two threads, two commands) one waits for the other.
     */
    private <T> T alone(java.util.function.Supplier<T> body) {
        java.util.concurrent.locks.ReentrantLock lock =
                IN_PROCESS.computeIfAbsent(
                        place(), p -> new java.util.concurrent.locks.ReentrantLock());
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The file this log names, one path for each file however it is named: through its links, and
     * in its directory's real path, also before the file is made.
     */
    private Path place() {
        try {
            Path place = StagedFiles.placeOf(path);
            Path parent = place.getParent();
            return parent == null || !Files.isDirectory(parent)
                    ? place
                    : parent.toRealPath().resolve(place.getFileName());
        } catch (IOException | RuntimeException unresolved) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * Runs the command under an exclusive lock on the log file, from its read of the log to the end
     * of its append, so no other process appends in between; a command of this process on the same
     * file, through this log or another, waits for another's to finish. A new log is not locked: of
     * two first events at once one is made and the other shows as {@link OrderLog.Moved}. A log
     * that cannot be opened to write is left to the command, which is refused or cannot append as
     * it would be without the lock.
     */
    @Override
    public <T> T inTurn(java.util.function.Supplier<T> command) {
        if (held != null) {
            return command.get();
        }
        return alone(() -> inTurnAlone(command));
    }

    private <T> T inTurnAlone(java.util.function.Supplier<T> command) {
        if (!Files.exists(path)) {
            return command.get();
        }
        FileChannel ch;
        try {
            ch = channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return command.get();
        }
        try {
            lockToWrite(ch);
            held = ch;
            return command.get();
        } finally {
            held = null;
            try {
                ch.close();
            } catch (IOException e) {
                // the command's event is forced to disk, or it failed and said so; the lock goes
                // with the file all the same
            }
        }
    }

    /** The whole file, read through {@code ch}. */
    private static byte[] readAll(FileChannel ch) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(ch.size()));
        while (all.hasRemaining() && ch.read(all, all.position()) >= 0) {
            // read on until the whole file is in
        }
        return all.array();
    }

    /** The events of the log's bytes, refused as {@link #read} says. */
    private List<OrderEvent> parse(byte[] bytes) {
        int cut = cutAt(bytes);
        if (cut < bytes.length) {
            // the lines before it are read first, so that "intact" below is known, not hoped
            List<OrderEvent> before;
            try {
                before = parse(java.util.Arrays.copyOf(bytes, cut));
            } catch (CorruptLog earlier) {
                throw new CorruptLog(
                        earlier.getMessage() + " (and the last line is cut short as well)");
            }
            throw new CorruptLog(cutShort(bytes, cut, before.size()));
        }
        String text = text(bytes);
        List<OrderEvent> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        // A complete file ends with a newline, so the last split element is empty.
        int n = lines.length - 1;
        for (int i = 0; i < n; i++) {
            if (lines[i].isBlank()) {
                throw new CorruptLog(path + ":" + (i + 1) + ": empty line in the order log");
            }
            if (lines[i].startsWith("\uFEFF")) {
                // invisible where it is printed: Jackson's "Unexpected character ('')" showed none
                throw new CorruptLog(
                        path
                                + ":"
                                + (i + 1)
                                + ": the line begins with a byte order mark (bytes EF BB BF), which"
                                + " an editor writes when it saves 'UTF-8 with BOM'. Maybe save the"
                                + " log as UTF-8 without a BOM");
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
                                + ": field 'seq' = "
                                + e.seq()
                                + " where "
                                + (i + 1)
                                + " was expected: "
                                + outOfSequence(lines, n, i, e.seq())
                                + "; the events are numbered 1, 2, 3, ... in the order of the"
                                + " lines");
            }
            out.add(e);
        }
        return out;
    }

    /** Where the last line of {@code bytes} begins: their length when it has its end of line. */
    private static int cutAt(byte[] bytes) {
        int at = bytes.length;
        while (at > 0 && bytes[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    /**
     * The event a last line without its end of line holds whole, as the next after {@code events};
     * null when it holds only part of one.
     */
    private static OrderEvent wholeButItsEnd(byte[] tail, int events) {
        try {
            String line =
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(tail)).toString();
            OrderEvent e = OrderEventJson.read(line);
            return e.seq() == events + 1L ? e : null;
        } catch (java.nio.charset.CharacterCodingException | IllegalArgumentException part) {
            return null;
        }
    }

    /** The refusal of a log whose last line, from byte {@code cut}, has no end of line. */
    private String cutShort(byte[] bytes, int cut, int events) {
        byte[] tail = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
        String head =
                path
                        + ":"
                        + (events + 1)
                        + ": the last line is cut short (no end of line), from byte "
                        + cut
                        + " of the file to its end at byte "
                        + bytes.length
                        + ": '"
                        + muster.model.Fault.shown(new String(tail, StandardCharsets.UTF_8))
                        + "'; "
                        + (events == 0
                                ? "no line is before it. "
                                : "the " + events + " events before it are intact. ");
        String repair = "run 'muster orders repair --log " + quoted(path) + "', which ";
        if (wholeButItsEnd(tail, events) != null) {
            return head
                    + "It holds event "
                    + (events + 1)
                    + " whole but for its end of line: a command was stopped before it ended the"
                    + " line (killed, or its machine lost), or an editor saved the log without"
                    + " it. To go on, "
                    + repair
                    + "ends the line and keeps the event";
        }
        return head
                + "The command writing it was stopped (killed, or its machine lost) before it"
                + " finished, and did not record it. To go on, "
                + repair
                + "moves the cut line to "
                + sideFile(cut).getFileName()
                + " beside the log";
    }

    /** Where {@link #repair} sets aside a last line cut short at byte {@code cut}. */
    private Path sideFile(long cut) {
        return path.resolveSibling(path.getFileName() + ".cut-" + cut);
    }

    /** {@code p} as a shell takes it: in single quotes when it holds more than a plain name. */
    private static String quoted(Path p) {
        String s = p.toString();
        return s.matches("[A-Za-z0-9._/+=:@,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * What a hand-edited log most likely did to put {@code seq} on line {@code i + 1}: repeated an
     * event, moved one, or lost one.
     */
    private static String outOfSequence(String[] lines, int n, int i, long seq) {
        long expected = i + 1;
        if (seq >= 1 && seq < expected) {
            return "line " + seq + " has event " + seq + " already (a line given twice?)";
        }
        for (int j = i + 1; j < n; j++) {
            try {
                if (OrderEventJson.read(lines[j]).seq() == expected) {
                    return "event "
                            + expected
                            + " is on line "
                            + (j + 1)
                            + ", so the lines are out of order";
                }
            } catch (IllegalArgumentException unreadable) {
                // that line is named when the log is read up to it
            }
        }
        return seq < 1
                ? "a seq is 1 or more"
                : "no line holds event " + expected + " (a line deleted?)";
    }

    /**
     * The log's bytes as text. A byte that is not UTF-8 (a log saved by an editor in Latin-1 or
     * Windows-1252, where "Zoë" is 5A 6F EB) is refused with its line, as it would otherwise be
     * read as U+FFFD: a user, UIC or order id changed without a word, so that a drafter named "Zoë"
     * could approve the draft of "Zo" and U+FFFD. One in a last line cut short is left to that
     * line's own refusal, as a crash in the middle of a character leaves one.
     */
    private String text(byte[] bytes) {
        java.nio.ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult r =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
        if (r.isError()) {
            int at = in.position();
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            boolean inCutLine = true;
            for (int i = at; i < bytes.length; i++) {
                inCutLine &= bytes[i] != '\n';
            }
            if (!inCutLine) {
                throw new CorruptLog(
                        String.format(
                                java.util.Locale.ROOT,
                                "%s:%d: byte %d of the line (0x%02X) is not UTF-8 text; the log"
                                        + " was perhaps saved in another encoding (Latin-1,"
                                        + " Windows-1252), and read so its names would change."
                                        + " Maybe save it as UTF-8",
                                path,
                                line,
                                at - lineStart + 1,
                                bytes[at] & 0xff));
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Appends the event whole or not at all. An existing log is appended to under an exclusive lock
     * on the file, so two processes cannot both append the same sequence number: the sequence is
     * checked against the file as it is once the lock is held. A write or forced write that fails
     * part way (a full disk) is undone by cutting the file back to its length before it, so the log
     * is left as it was. A new log is written beside its place and linked there only once its first
     * event is on disk, so a failure leaves no file in its place.
     */
    @Override
    public void append(OrderEvent event) {
        byte[] line = (OrderEventJson.write(event) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw failed(cause(e, path), "nothing was written to it", e);
        }
        if (!Files.exists(path) && created(event, line)) {
            return;
        }
        appendToExisting(event, line);
    }

    /**
     * Writes a new log holding {@code event} alone: true once it is in place, false when a log
     * appeared there in the meantime (another process's first event), to be appended to as any.
     */
    private boolean created(OrderEvent event, byte[] line) {
        if (event.seq() != 1) {
            throw moved(event, 1);
        }
        Path tmp = null;
        try {
            // through a symbolic link the file it names is made, as opening the link would
            Path place = StagedFiles.placeOf(path);
            tmp = StagedFiles.besideAsTemporary(place);
            try (FileChannel ch =
                    channels.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeAt(ch, line, 0);
                ch.force(true);
            }
            try {
                // a link fails when the name is taken, where a move would replace the file
                Files.createLink(place, tmp);
            } catch (FileAlreadyExistsException taken) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                // a file system without hard links: a move refuses a file already there, though
                // not one made between its check and the move
                try {
                    Files.move(tmp, place);
                } catch (FileAlreadyExistsException taken) {
                    return false;
                }
            }
            // the new name is in the directory, which is forced too: else a power cut after the
            // command said "drafted" could lose the log along with its first event
            forceDirectory(place);
            return true;
        } catch (IOException e) {
            throw failed(cause(e, path, tmp == null ? path : tmp), "the log was not created", e);
        } finally {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // a hidden file left beside the log; the log itself is as said
            }
        }
    }

    private void appendToExisting(OrderEvent event, byte[] line) {
        if (held != null) {
            appendLocked(held, event, line);
            return;
        }
        alone(
                () -> {
                    appendAlone(event, line);
                    return null;
                });
    }

    private void appendAlone(OrderEvent event, byte[] line) {
        FileChannel ch;
        try {
            ch = channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failed(cause(e, path), "nothing was written to it", e);
        }
        try {
            // the lock is released when the channel closes
            lockToWrite(ch);
            appendLocked(ch, event, line);
        } finally {
            try {
                ch.close();
            } catch (IOException e) {
                // either the event is forced to disk or what is left is said already; the lock
                // goes with the file all the same
            }
        }
    }

    /** Appends the line through {@code ch}, which holds the file's exclusive lock. */
    private void appendLocked(FileChannel ch, OrderEvent event, byte[] line) {
        try {
            // Read through the locked channel: the lock belongs to the process, and closing any
            // other handle on the file (as Files.readAllBytes does) would drop it.
            long size = ch.size();
            long expected = parse(readAll(ch)).size() + 1L;
            if (event.seq() != expected) {
                throw moved(event, expected);
            }
            try {
                writeAt(ch, line, size);
                ch.force(true);
            } catch (IOException e) {
                throw failed(cause(e, path), undo(ch, size), e);
            }
        } catch (IOException e) {
            throw failed(cause(e, path), "nothing was written to it", e);
        }
    }

    /**
     * Cuts the log back to {@code size} bytes after a failed write, and says what was left: the log
     * as it was, or, when that fails too, the part of the event that may be in it.
     */
    private String undo(FileChannel ch, long size) {
        try {
            ch.truncate(size);
            ch.force(true);
            return "it is left as it was";
        } catch (IOException e) {
            return "the event may be in it in part, as cutting it back to its "
                    + size
                    + " bytes failed too ("
                    + cause(e, path)
                    + "): the next command will name a cut-short last line";
        }
    }

    /**
     * What {@link #repair} did to a log whose last line had no end of line: {@code setAside}, the
     * file it moved the line to (null when the line held an event whole and was ended and kept),
     * the byte {@code at} which that line began and its length in {@code bytes}, its number {@code
     * line}, its start as a fault shows it, and the {@code events} the log holds now. Null fields
     * and 0 bytes for a log that read whole and was left as it was.
     */
    public record Repair(
            int events,
            Path setAside,
            long at,
            int bytes,
            int line,
            String shown,
            OrderEvent kept) {
        /** Whether the log read whole, and was left as it was. */
        public boolean none() {
            return bytes == 0;
        }
    }

    /**
     * Mends a log whose last line has no end of line, as a command stopped in the middle of its
     * write (killed, or its machine lost) leaves it, under the exclusive lock appends take. A line
     * that holds the next event whole is ended, and the event kept; any other such line is moved
     * whole, byte for byte, to the file beside the log named after it and the byte at which it
     * began ({@code orders.jsonl.cut-512}), forced to disk before the log is cut back to the lines
     * before it. The lines before it must read whole: a log with any other fault is refused as
     * {@link #read} refuses it, and left as it is. A log that reads whole is left as it is.
     */
    public Repair repair() {
        return alone(this::repairAlone);
    }

    private Repair repairAlone() {
        String asItWas = "the log is left as it was";
        FileChannel ch;
        try {
            ch = channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotRepair(cause(e, path), asItWas, e);
        }
        try (ch) {
            try {
                ch.lock();
            } catch (IOException e) {
                throw cannotRepair(cannotLock(e), asItWas + ". " + LOCKS_NEEDED, e);
            }
            byte[] bytes = readAll(ch);
            int at = cutAt(bytes);
            if (at == bytes.length) {
                return new Repair(parse(bytes).size(), null, at, 0, 0, null, null);
            }
            int events;
            try {
                events = parse(java.util.Arrays.copyOf(bytes, at)).size();
            } catch (CorruptLog earlier) {
                throw new CorruptLog(
                        earlier.getMessage()
                                + "; the last line has no end of line as well, and 'orders repair'"
                                + " mends only that line, once the lines before it read whole: "
                                + asItWas);
            }
            byte[] tail = java.util.Arrays.copyOfRange(bytes, at, bytes.length);
            String shown = muster.model.Fault.shown(new String(tail, StandardCharsets.UTF_8));
            OrderEvent whole = wholeButItsEnd(tail, events);
            if (whole != null) {
                try {
                    writeAt(ch, new byte[] {'\n'}, bytes.length);
                    ch.force(true);
                } catch (IOException e) {
                    throw cannotRepair(cause(e, path), undo(ch, bytes.length), e);
                }
                return new Repair(events + 1, null, at, tail.length, events + 1, shown, whole);
            }
            Path side = sideFile(at);
            if (Files.exists(side, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !(Files.isRegularFile(side, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && java.util.Arrays.equals(Files.readAllBytes(side), tail))) {
                // one holding the same bytes is left by a repair stopped before it cut the log
                String why = side + " is there already and holds other bytes than the cut line";
                throw cannotRepair(
                        why,
                        asItWas + "; move " + side + " away and repair again",
                        new FileAlreadyExistsException(why));
            }
            try {
                if (!Files.exists(side, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    setAside(side, tail);
                }
            } catch (IOException e) {
                String why =
                        e instanceof FileAlreadyExistsException
                                ? "made by another process meanwhile"
                                : cause(e, side);
                throw cannotRepair("cannot write " + side + " (" + why + ")", asItWas, e);
            }
            try {
                ch.truncate(at);
                ch.force(true);
            } catch (IOException e) {
                throw cannotRepair(
                        cause(e, path),
                        "its cut line is in "
                                + side
                                + ", and the log may still hold it: repair again",
                        e);
            }
            return new Repair(events, side, at, tail.length, events + 1, shown, null);
        } catch (IOException e) {
            throw cannotRepair(cause(e, path), asItWas, e);
        }
    }

    /**
     * Writes {@code tail} to the new file {@code side}, whole or not at all: through a file beside
     * it, forced to disk, and named {@code side} with its directory forced too.
     */
    private void setAside(Path side, byte[] tail) throws IOException {
        Path tmp = StagedFiles.besideAsTemporary(side);
        try {
            try (FileChannel out =
                    channels.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeAt(out, tail, 0);
                out.force(true);
            }
            try {
                Files.createLink(side, tmp);
            } catch (FileAlreadyExistsException taken) {
                throw taken;
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                Files.move(tmp, side);
            }
            forceDirectory(side);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private UncheckedIOException cannotRepair(String why, String left, IOException e) {
        return new UncheckedIOException(
                "cannot repair order log " + path + ": " + why + "; " + left, e);
    }

    /**
     * Forces to disk the directory that holds {@code file}, so a name just linked or moved there
     * outlasts a power cut. A system that cannot open a directory as a file (Windows) keeps its
     * names by its own means, and is left to them.
     */
    private void forceDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel d = channels.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException cannot) {
            // a directory that cannot be opened or forced this way
        }
    }

    private static void writeAt(FileChannel ch, byte[] bytes, long at) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
    }

    private OrderLog.Moved moved(OrderEvent event, long expected) {
        return new OrderLog.Moved(
                "the order log "
                        + path
                        + " changed while this command ran (event "
                        + event.seq()
                        + " is no longer the next, "
                        + expected
                        + "); run the command again");
    }

    /** Takes the log's lock to write on {@code ch}, or refuses: nothing was written to it. */
    private void lockToWrite(FileChannel ch) {
        try {
            ch.lock();
        } catch (IOException e) {
            throw failed(cannotLock(e), "nothing was written to it. " + LOCKS_NEEDED, e);
        }
    }

    /** Why the log's lock could not be taken. */
    private String cannotLock(IOException e) {
        return "cannot lock it against other commands (" + cause(e, path) + ")";
    }

    /** What to do when the file system refuses the log's lock. */
    private static final String LOCKS_NEEDED =
            "Muster records only under the log's lock, which the file system refused: on a"
                    + " network share mounted without locks, or one that keeps none, keep the log"
                    + " on a local disk or a share mounted with locks, and give the command again";

    private UncheckedIOException failed(String why, String left, IOException e) {
        return new UncheckedIOException(
                "cannot append to order log " + path + ": " + why + "; " + left, e);
    }

    /**
     * What went wrong, in words: the JDK's message of a denied permission, a missing directory or a
     * file in the way is the file's name alone. A file other than the log (a directory on the way)
     * is named after the cause.
     */
    static String cause(IOException e, Path log) {
        return cause(e, log, log);
    }

    /** {@link #cause(IOException, Path)}, where {@code staged}, written for the log, is the log. */
    static String cause(IOException e, Path log, Path staged) {
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
                && !Path.of(f.getFile()).toAbsolutePath().equals(log.toAbsolutePath())
                && !Path.of(f.getFile()).toAbsolutePath().equals(staged.toAbsolutePath())) {
            why += " (" + f.getFile() + ")";
        }
        return why;
    }

    /**
     * A line of the log as a refusal shows it: cut to its first 60 characters, with a control or
     * invisible format character written as its escape, so that a line of binary bytes neither
     * recolours the terminal nor hides a character ({@link muster.model.Fault#shown}).
     */
    private static String abbreviate(String s) {
        return muster.model.Fault.shown(s);
    }
}
