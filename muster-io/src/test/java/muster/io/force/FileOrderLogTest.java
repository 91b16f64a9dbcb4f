package muster.io.force;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import muster.engine.orders.OrderBook;
import muster.engine.orders.OrderDesk;
import muster.engine.orders.OrderLog;
import muster.engine.orders.OrderRefused;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;
import muster.model.force.UnitStatus;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileOrderLogTest {
    @TempDir Path dir;
    static final Instant T = Instant.parse("2022-01-24T12:00:00Z");
    static final String AT = "\"at\":\"2022-01-01T00:00:00Z\"";
    static final String EFFECTIVE = "\"effective\":\"2022-01-01T00:00:00Z\"";

    /** The log orders.jsonl holding one event: the user's draft of D1 for U1. */
    private FileOrderLog logWithDraft(String user) {
        FileOrderLog log = new FileOrderLog(dir.resolve("orders.jsonl"));
        new OrderDesk(log).draft(deploy("D1", "U1"), user, T);
        return log;
    }

    /** Checks that reading the log is refused as a corrupt log, for its message to be checked. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refusedRead(FileOrderLog log) {
        return assertThatThrownBy(log::read).isInstanceOf(FileOrderLog.CorruptLog.class);
    }

    /** Writes the text as the log orders.jsonl and checks that reading it is refused. */
    private AbstractThrowableAssert<?, ? extends Throwable> refusedRead(String text)
            throws IOException {
        Path f = dir.resolve("orders.jsonl");
        Files.writeString(f, text);
        return refusedRead(new FileOrderLog(f));
    }

    /**
     * A log line drafting alert A1, with its seq, its user in JSON, its "at" and "effective"
     * members, its units in JSON and its notice to move.
     */
    private static String alertLine(
            String seq, String user, String at, String units, String effective, String notice) {
        return "{\"seq\":"
                + seq
                + ",\"type\":\"DRAFTED\",\"orderId\":\"A1\",\"user\":"
                + user
                + ","
                + at
                + ",\"order\":{\"id\":\"A1\",\"kind\":\"ALERT\",\"units\":"
                + units
                + ",\"authority\":\"X\","
                + effective
                + ",\"noticeToMoveHours\":"
                + notice
                + "}}\n";
    }

    static Order deploy(String id, String... units) {
        return new Order(
                id,
                OrderKind.DEPLOY,
                List.of(units),
                "SECDEF",
                T,
                null,
                "EPRZ",
                LocalDate.of(2022, 2, 3),
                LocalDate.of(2022, 2, 8),
                "first wave");
    }

    @Test
    void roundTripsEveryFieldAndKeepsAppending() {
        FileOrderLog log = new FileOrderLog(dir.resolve("sub/orders.jsonl"));
        OrderDesk desk = new OrderDesk(log);
        desk.draft(deploy("D1", "U1", "U2"), "ann", T);
        desk.approve("D1", "bob", T.plusSeconds(60));
        desk.draft(
                new Order(
                        "A1",
                        OrderKind.ALERT,
                        List.of("U3"),
                        "EUCOM",
                        T,
                        96,
                        null,
                        null,
                        null,
                        null),
                "ann",
                T);
        desk.cancel("A1", "ann", T.plusSeconds(90), "superseded");
        OrderBook b = desk.issue("D1", "cat", T.plusSeconds(120));
        List<OrderEvent> events = log.read();
        assertThat(events).hasSize(5);
        assertThat(events.get(0).order()).isEqualTo(deploy("D1", "U1", "U2"));
        assertThat(events.get(3).reason()).isEqualTo("superseded");
        assertThat(OrderBook.replay(events)).isEqualTo(b);
        assertThat(b.unit("U2").status()).isEqualTo(UnitStatus.DEPLOYING);
    }

    @Test
    void refusesATruncatedLastLineAndKeepsEarlierEvents() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        FileOrderLog log = new FileOrderLog(f);
        OrderDesk desk = new OrderDesk(log);
        desk.draft(deploy("D1", "U1"), "ann", T);
        desk.approve("D1", "bob", T);
        byte[] before = Files.readAllBytes(f);
        Files.writeString(
                f, "{\"seq\":3,\"type\":\"ISS", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        refusedRead(log)
                .hasMessageContaining("orders.jsonl:3")
                .hasMessageContaining("cut short")
                .hasMessageContaining("2 events before it are intact");
        assertThatThrownBy(() -> desk.issue("D1", "cat", T))
                .isInstanceOf(FileOrderLog.CorruptLog.class);
        byte[] after = Files.readAllBytes(f);
        assertThat(new String(after, StandardCharsets.UTF_8))
                .startsWith(new String(before, StandardCharsets.UTF_8));
    }

    /**
     * A command stopped in the middle of its write (killed, or its machine lost) leaves its line
     * cut short at any byte. For every such byte of the third event's line: every read and command
     * is refused naming the file, the line, the byte it began at and the repair; the repair moves
     * the cut bytes to orders.jsonl.cut-BYTE, byte for byte, and leaves the two whole events, which
     * read as they were and take the next event. A line that lacks only its end of line holds its
     * event whole: the repair ends it and keeps the event. A log that reads whole is left as it is.
     */
    @Test
    void aLastLineCutShortAtAnyByteIsNamedAndRepairedWithoutLosingAWholeEvent() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        OrderDesk desk = new OrderDesk(new FileOrderLog(f));
        desk.draft(deploy("D1", "U1"), "ann", T);
        desk.approve("D1", "bob", T);
        desk.issue("D1", "cat", T);
        byte[] whole = Files.readAllBytes(f);
        List<OrderEvent> events = new FileOrderLog(f).read();
        int start = new String(whole, StandardCharsets.UTF_8).indexOf("{\"seq\":3");
        Path side = dir.resolve("orders.jsonl.cut-" + start);
        FileOrderLog.Repair none = new FileOrderLog(f).repair();
        assertThat(none.none()).isTrue();
        assertThat(none.events()).isEqualTo(3);
        assertThat(Files.readAllBytes(f)).isEqualTo(whole);
        for (int end = start + 1; end < whole.length; end++) {
            byte[] cut = java.util.Arrays.copyOf(whole, end);
            Files.write(f, cut);
            FileOrderLog log = new FileOrderLog(f);
            refusedRead(log)
                    .as("cut at %d", end)
                    .hasMessageStartingWith(
                            f
                                    + ":3: the last line is cut short (no end of line), from byte "
                                    + start
                                    + " of the file to its end at byte "
                                    + end)
                    .hasMessageContaining("the 2 events before it are intact")
                    .hasMessageContaining("run 'muster orders repair --log " + f + "'");
            assertThatThrownBy(() -> new OrderDesk(log).cancel("D1", "ann", T, "x"))
                    .isInstanceOf(FileOrderLog.CorruptLog.class);
            assertThat(Files.readAllBytes(f)).as("cut at %d", end).isEqualTo(cut);

            FileOrderLog.Repair r = log.repair();
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.at()).isEqualTo(start);
            assertThat(r.bytes()).isEqualTo(end - start);
            if (end == whole.length - 1) {
                // all but the end of line: the event is whole, and kept
                assertThat(r.kept()).isEqualTo(events.get(2));
                assertThat(r.setAside()).isNull();
                assertThat(Files.readAllBytes(f)).isEqualTo(whole);
                assertThat(log.read()).isEqualTo(events);
                assertThat(side).doesNotExist();
                continue;
            }
            assertThat(r.kept()).as("cut at %d", end).isNull();
            assertThat(r.setAside()).isEqualTo(side);
            assertThat(r.events()).isEqualTo(2);
            assertThat(Files.readAllBytes(side))
                    .isEqualTo(java.util.Arrays.copyOfRange(whole, start, end));
            assertThat(Files.readAllBytes(f)).isEqualTo(java.util.Arrays.copyOf(whole, start));
            assertThat(log.read()).isEqualTo(events.subList(0, 2));
            assertThat(new OrderDesk(log).issue("D1", "cat", T).lastSeq()).isEqualTo(3);
            Files.delete(side);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(f);
        }
    }

    /**
     * An unreadable line is shown in the refusal with its control characters escaped: a line of
     * binary bytes (an escape sequence, a NUL) was printed raw and could recolour the terminal.
     */
    @Test
    void anUnreadableLineIsShownWithItsControlCharactersEscaped() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        logWithDraft("ann");
        String draft = Files.readString(f);
        Files.writeString(f, draft + "\u001b[31mred\u0000{\"seq\":2}\n");
        assertThatThrownBy(() -> new FileOrderLog(f).read())
                .isInstanceOf(FileOrderLog.CorruptLog.class)
                .hasMessageContaining("orders.jsonl:2: unreadable order event")
                .hasMessageContaining("'\\u001B[31mred\\u0000{\"seq\":2}'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b", "\u0000"));
    }

    /**
     * The repair mends only a last line without its end of line, once the lines before it read
     * whole: a log with another fault is refused naming it, and left as it is; a file already in
     * the place of the cut line's that holds other bytes is named, and neither is touched.
     */
    @Test
    void aRepairLeavesALogWithAnotherFaultOrAFileInTheWayAsItWas() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        logWithDraft("ann");
        String draft = Files.readString(f);
        byte[] bad =
                (draft + "{\"seq\":2,\"type\":\"NOPE\"}\n{\"seq\":3,\"ty")
                        .getBytes(StandardCharsets.UTF_8);
        Files.write(f, bad);
        assertThatThrownBy(() -> new FileOrderLog(f).repair())
                .isInstanceOf(FileOrderLog.CorruptLog.class)
                .hasMessageContaining("orders.jsonl:2: unreadable order event")
                .hasMessageEndingWith("the log is left as it was");
        assertThat(Files.readAllBytes(f)).isEqualTo(bad);

        byte[] cut = (draft + "{\"seq\":2,\"ty").getBytes(StandardCharsets.UTF_8);
        Files.write(f, cut);
        Path side = Files.writeString(dir.resolve("orders.jsonl.cut-" + draft.length()), "other");
        assertThatThrownBy(() -> new FileOrderLog(f).repair())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(
                        "cannot repair order log "
                                + f
                                + ": "
                                + side
                                + " is there already and holds other bytes than the cut line;"
                                + " the log is left as it was; move "
                                + side
                                + " away and repair again");
        assertThat(Files.readAllBytes(f)).isEqualTo(cut);
        assertThat(Files.readString(side)).isEqualTo("other");
        // one holding the cut line is a repair stopped before it cut the log back
        Files.writeString(side, "{\"seq\":2,\"ty");
        assertThat(new FileOrderLog(f).repair().setAside()).isEqualTo(side);
        assertThat(Files.readString(f)).isEqualTo(draft);
    }

    @Test
    void refusesAnUnreadableLine() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        FileOrderLog log = logWithDraft("ann");
        Files.writeString(
                f,
                "{\"seq\":2,\"type\":\"NOPE\",\"orderId\":\"D1\",\"user\":\"x\",\"at\":\"2022-01-01T00:00:00Z\"}\n",
                StandardOpenOption.APPEND);
        refusedRead(log)
                .hasMessageContaining("orders.jsonl:2")
                .hasMessageContaining("unreadable")
                .hasMessageContaining("field 'type' = 'NOPE': not one of DRAFTED,")
                .hasMessageNotContaining("muster.model");
    }

    /**
     * A log saved in Latin-1 ("Zoë" as 5A 6F EB) is refused at the line and byte, where it was read
     * with U+FFFD for each such letter: "Zoë" could then approve the draft of the name it became.
     */
    @Test
    void aLineThatIsNotUtf8IsRefusedNotReadWithOtherLetters() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        FileOrderLog log = logWithDraft("Zoë");
        byte[] utf8 = Files.readAllBytes(f);
        byte[] latin1 =
                new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, latin1);
        int column = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('ë') + 1;
        refusedRead(log)
                .hasMessageContaining(
                        "orders.jsonl:1: byte " + column + " of the line (0xEB) is not UTF-8 text")
                .hasMessageContaining("Maybe save it as UTF-8");
        assertThatThrownBy(() -> new OrderDesk(log).approve("D1", "Zoë", T))
                .isInstanceOf(FileOrderLog.CorruptLog.class);
        assertThat(Files.readAllBytes(f)).isEqualTo(latin1);
        // on a later line, that line is named; the UTF-8 lines before it read as they are
        Files.write(f, utf8);
        String approved =
                "{\"seq\":2,\"type\":\"APPROVED\",\"orderId\":\"D1\",\"user\":\"José\","
                        + "\"at\":\"2022-01-24T12:00:00Z\"}\n";
        Files.write(f, approved.getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);
        refusedRead(log)
                .hasMessageContaining(
                        "orders.jsonl:2: byte "
                                + (approved.indexOf('é') + 1)
                                + " of the line (0xE9)");
        // a last line cut short in the middle of a letter is named as cut short
        Files.write(f, utf8);
        int lead = 0;
        while (utf8[lead] != (byte) 0xC3) {
            lead++; // the first byte of ë
        }
        Files.write(f, java.util.Arrays.copyOf(utf8, lead + 1), StandardOpenOption.APPEND);
        refusedRead(log).hasMessageContaining("orders.jsonl:2: the last line is cut short");
    }

    /**
     * A line given twice, two lines swapped or a line deleted by hand is named by line, field and
     * value, with where the event the line should hold is, where it said only 'event sequence 3
     * where 2 was expected'.
     */
    @Test
    void aLogEditedOutOfSequenceSaysWhichLineIsWhere() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        OrderDesk desk = new OrderDesk(new FileOrderLog(f));
        desk.draft(deploy("D1", "U1"), "ann", T);
        desk.approve("D1", "bob", T);
        desk.issue("D1", "bob", T);
        List<String> lines = Files.readAllLines(f);
        java.util.function.Function<List<String>, String> refusal =
                ls -> {
                    try {
                        Files.write(f, ls);
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return org.assertj.core.api.Assertions.catchThrowableOfType(
                                    FileOrderLog.CorruptLog.class, new FileOrderLog(f)::read)
                            .getMessage();
                };
        assertThat(refusal.apply(List.of(lines.get(0), lines.get(1), lines.get(1), lines.get(2))))
                .contains(
                        "orders.jsonl:3: field 'seq' = 2 where 3 was expected: line 2 has event 2"
                                + " already (a line given twice?)");
        assertThat(refusal.apply(List.of(lines.get(0), lines.get(2), lines.get(1))))
                .contains(
                        "orders.jsonl:2: field 'seq' = 3 where 2 was expected: event 2 is on line"
                                + " 3, so the lines are out of order");
        assertThat(refusal.apply(List.of(lines.get(0), lines.get(2))))
                .contains(
                        "orders.jsonl:2: field 'seq' = 3 where 2 was expected: no line holds event"
                                + " 2 (a line deleted?)");
        assertThat(refusal.apply(List.of(lines.get(0).replace("\"seq\":1", "\"seq\":0"))))
                .contains(
                        "orders.jsonl:1: field 'seq' = 0 where 1 was expected: a seq is 1"
                                + " or more");
    }

    /**
     * A log saved as "UTF-8 with BOM" is refused naming the mark, where the refusal quoted an
     * invisible character: "Unexpected character ('\uFEFF' (code 65279 / 0xfeff))".
     */
    @Test
    void aByteOrderMarkIsNamedAsOne() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        FileOrderLog log = logWithDraft("ann");
        byte[] plain = Files.readAllBytes(f);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        Files.write(f, bom);
        refusedRead(log)
                .hasMessageContaining(
                        "orders.jsonl:1: the line begins with a byte order mark (bytes EF BB BF)")
                .hasMessageContaining("Maybe save the log as UTF-8 without a BOM")
                .hasMessageNotContaining("\uFEFF");
        assertThatThrownBy(() -> new OrderDesk(log).approve("D1", "bob", T))
                .isInstanceOf(FileOrderLog.CorruptLog.class);
        assertThat(Files.readAllBytes(f)).isEqualTo(bom);
    }

    @Test
    void unitsThatAreNotAListAreNamedNotReadAsNone() throws Exception {
        refusedRead(alertLine("1", "\"ann\"", AT, "5", EFFECTIVE, "5"))
                .hasMessageContaining("orders.jsonl:1")
                .hasMessageContaining("field 'units' = 5: not a list");
    }

    /** A time, date or number the log cannot read is named by field and value, as a type is. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "\"at\":\"garbage\"|\"effective\":\"2022-01-01T00:00:00Z\"|5|field 'at' = 'garbage': not an ISO-8601 instant",
                "\"at\":\"2022-01-01T00:00:00Z\"|\"effective\":\"soon\"|5|field 'order.effective' = 'soon': not an ISO-8601 instant",
                "\"at\":\"2022-01-01T00:00:00Z\"|\"effective\":\"2022-01-01T00:00:00Z\"|\"five\"|field 'order.noticeToMoveHours' = \"five\": not a whole number",
                "\"at\":\"2022-01-01T00:00:00Z\"|\"effective\":\"2022-01-01T00:00:00Z\"|4.5|field 'order.noticeToMoveHours' = 4.5: not a whole number"
            })
    void aTimeOrNumberTheLogCannotReadIsNamedByField(
            String at, String effective, String notice, String message) throws Exception {
        refusedRead(alertLine("1", "\"ann\"", at, "[\"U1\"]", effective, notice))
                .hasMessageContaining("orders.jsonl:1")
                .hasMessageContaining(message)
                .hasMessageNotContaining("could not be parsed");
    }

    /**
     * An order's time or date outside the years 1900 to 9999, which no command records, is refused
     * by line, field and value: the board could not count the days of one beyond java.time's years,
     * and 'orders list', 'orders issue' (after appending its event) and 'readiness' stopped with an
     * error naming neither.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+1000000000-12-31T23:59:59Z|2022-02-03|2022-02-08|order.effective",
                "-1000000000-01-01T00:00:00Z|2022-02-03|2022-02-08|order.effective",
                "1899-12-31T23:59:59Z|2022-02-03|2022-02-08|order.effective",
                "2022-01-24T12:00:00Z|2022-02-03|+999999999-12-31|order.readyDate",
                "2022-01-24T12:00:00Z|-999999999-01-01|2022-02-08|order.cDay",
                "2022-01-24T12:00:00Z|2022-02-03|+10000-01-01|order.readyDate"
            })
    void anOrderDatedOutsideTheYearsOfOrdersIsNamedByField(
            String effective, String cDay, String ready, String field) throws Exception {
        Path f = dir.resolve("orders.jsonl");
        String value =
                switch (field) {
                    case "order.effective" -> effective;
                    case "order.cDay" -> cDay;
                    default -> ready;
                };
        refusedRead(deployLine(effective, cDay, ready))
                .hasMessageContaining(
                        "orders.jsonl:1: unreadable order event (field '"
                                + field
                                + "' = '"
                                + value
                                + "': outside the years 1900 to 9999");
        // the first and last moments of those years are read
        Files.writeString(f, deployLine("1900-01-01T00:00:00Z", "1900-01-01", "9999-12-31"));
        assertThat(new FileOrderLog(f).read().get(0).order().readyDate())
                .isEqualTo(LocalDate.of(9999, 12, 31));
    }

    private static String deployLine(String effective, String cDay, String ready) {
        return "{\"seq\":1,\"type\":\"DRAFTED\",\"orderId\":\"D1\",\"user\":\"ann\","
                + "\"at\":\"2022-01-01T00:00:00Z\",\"order\":{\"id\":\"D1\",\"kind\":\"DEPLOY\","
                + "\"units\":[\"U1\"],\"authority\":\"X\",\"effective\":\""
                + effective
                + "\",\"destination\":\"EPRZ\",\"cDay\":\""
                + cDay
                + "\",\"readyDate\":\""
                + ready
                + "\"}}\n";
    }

    @Test
    void replayFromTheFileEqualsTheLiveStateOnRandomCommands() {
        for (long seed = 1; seed <= 15; seed++) {
            Path f = dir.resolve("r" + seed + ".jsonl");
            FileOrderLog log = new FileOrderLog(f);
            OrderDesk desk = new OrderDesk(log);
            Random rnd = new Random(seed);
            OrderBook live = OrderBook.empty();
            String[] users = {"ann", "bob", "cat"};
            String[] units = {"U1", "U2", "U3"};
            int accepted = 0;
            for (int i = 0; i < 40; i++) {
                Instant at = T.plusSeconds(60L * i);
                String user = users[rnd.nextInt(3)];
                String target = "O" + rnd.nextInt(Math.max(1, i));
                try {
                    switch (rnd.nextInt(4)) {
                        case 0 -> {
                            OrderKind k = OrderKind.values()[rnd.nextInt(3)];
                            String u = units[rnd.nextInt(3)];
                            live =
                                    desk.draft(
                                            new Order(
                                                    "O" + i,
                                                    k,
                                                    List.of(u),
                                                    "HQ",
                                                    at,
                                                    k == OrderKind.ALERT ? 48 : null,
                                                    k == OrderKind.DEPLOY ? "EPRZ" : null,
                                                    k == OrderKind.DEPLOY
                                                            ? LocalDate.of(2022, 2, 3)
                                                            : null,
                                                    k == OrderKind.DEPLOY
                                                            ? LocalDate.of(2022, 2, 9)
                                                            : null,
                                                    null),
                                            user,
                                            at);
                        }
                        case 1 -> live = desk.approve(target, user, at);
                        case 2 -> live = desk.issue(target, user, at);
                        default -> live = desk.cancel(target, user, at, "random");
                    }
                    accepted++;
                } catch (OrderRefused refused) {
                    // refused commands leave the log alone
                }
            }
            assertThat(OrderBook.replay(new FileOrderLog(f).read()))
                    .as("seed " + seed)
                    .isEqualTo(live);
            assertThat(log.read()).as("seed " + seed).hasSize(accepted);
        }
    }

    @Test
    void refusesAStaleAppendWithoutWritingIt() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        FileOrderLog log = logWithDraft("ann");
        OrderEvent stale = new OrderEvent(1, OrderEvent.Type.APPROVED, "D1", "bob", T, null, null);
        long size = Files.size(f);
        assertThatThrownBy(() -> log.append(stale))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run the command again");
        assertThat(Files.size(f)).isEqualTo(size);
    }

    /**
     * A log that cannot be opened to append to is named with the cause, which the file system's
     * exception gives as the file's name alone; nothing is written. These two hold even for root.
     */
    @Test
    void aLogThatCannotBeOpenedIsNamedWithTheCause() throws Exception {
        OrderEvent first =
                new OrderEvent(
                        1, OrderEvent.Type.DRAFTED, "D1", "ann", T, deploy("D1", "U1"), null);
        Path folder = Files.createDirectory(dir.resolve("orders.jsonl"));
        assertThatThrownBy(() -> new FileOrderLog(folder).append(first))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot append to order log " + folder + ": ")
                .hasMessageContaining("directory")
                .hasMessageEndingWith("; nothing was written to it");
        Path file = Files.writeString(dir.resolve("a-file"), "kept");
        Path under = file.resolve("orders.jsonl");
        assertThatThrownBy(() -> new FileOrderLog(under).append(first))
                .hasMessage(
                        "cannot append to order log "
                                + under
                                + ": not a directory ("
                                + file
                                + "); nothing was written to it");
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void aReadOnlyLogIsNamedWithPermissionDeniedAndKeptAsItWas() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        new OrderDesk(new FileOrderLog(f)).draft(deploy("D1", "U1"), "ann", T);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(f), "root writes a read-only file all the same");
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> new OrderDesk(new FileOrderLog(f)).approve("D1", "bob", T))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(
                        "cannot append to order log "
                                + f
                                + ": permission denied; nothing was written to it");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    /**
     * A log whose lock the file system refuses (a network share mounted without locks, where the
     * lock fails with "No locks available") is named with the cause and what to do, and nothing is
     * written to it or cut off it; it is still read as it is.
     */
    @Test
    void aLogThatCannotBeLockedIsNamedWithWhatToDoAndLeftAsItWas() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        new OrderDesk(new FileOrderLog(f)).draft(deploy("D1", "U1"), "ann", T);
        FileOrderLog noLocks =
                new FileOrderLog(
                        f,
                        (file, options) -> {
                            FullDiskChannel c = FullDiskChannel.roomy(file, options);
                            c.failLock = true;
                            return c;
                        });
        String what =
                ". Muster records only under the log's lock, which the file system refused: on a"
                        + " network share mounted without locks, or one that keeps none, keep the"
                        + " log on a local disk or a share mounted with locks, and give the command"
                        + " again";
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> new OrderDesk(noLocks).approve("D1", "bob", T))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(
                        "cannot append to order log "
                                + f
                                + ": cannot lock it against other commands (No locks available);"
                                + " nothing was written to it"
                                + what);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(noLocks.read()).hasSize(1);

        byte[] cut = java.util.Arrays.copyOf(before, before.length - 1);
        Files.write(f, cut);
        assertThatThrownBy(noLocks::repair)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(
                        "cannot repair order log "
                                + f
                                + ": cannot lock it against other commands (No locks available);"
                                + " the log is left as it was"
                                + what);
        assertThat(Files.readAllBytes(f)).isEqualTo(cut);
    }

    /**
     * A write that fails part way (a full disk), or whose forced write fails, is undone: the log is
     * left byte for byte as it was and says so, and the next command appends to it as if the failed
     * one had never run. A new log is not made at all, and nothing is left beside it.
     */
    @ParameterizedTest
    @CsvSource({"0, false", "10, false", "100000, true"})
    void aWriteThatFailsPartWayLeavesTheLogAsItWasOrNotMade(long room, boolean failForce)
            throws Exception {
        Path f = dir.resolve("orders.jsonl");
        FileOrderLog full =
                new FileOrderLog(
                        f,
                        (file, options) ->
                                new FullDiskChannel(
                                        FileChannel.open(file, options), room, failForce, false));
        String cause = failForce ? "Input/output error" : "No space left on device";
        String cannot = "cannot append to order log " + f + ": " + cause + "; ";
        assertThatThrownBy(() -> new OrderDesk(full).draft(deploy("D1", "U1"), "ann", T))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(cannot + "the log was not created");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("room %d", room).isEmpty();
        }

        new OrderDesk(new FileOrderLog(f)).draft(deploy("D1", "U1"), "ann", T);
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> new OrderDesk(full).approve("D1", "bob", T))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(cannot + "it is left as it was");
        assertThat(Files.readAllBytes(f)).as("room %d", room).isEqualTo(before);
        OrderBook approved = new OrderDesk(new FileOrderLog(f)).approve("D1", "bob", T);
        assertThat(approved.lastSeq()).isEqualTo(2);
        assertThat(new FileOrderLog(f).read()).hasSize(2);
    }

    /**
     * Each event is appended as one whole line in one write and forced to disk before the command
     * returns; the name of a new log is forced with its directory too, so a power cut after the
     * command said "drafted" cannot lose the log.
     */
    @Test
    void eachEventIsOneForcedWriteAndANewLogsNameIsForcedWithItsDirectory() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        List<Path> opened = new ArrayList<>();
        List<FullDiskChannel> channels = new ArrayList<>();
        FileOrderLog log =
                new FileOrderLog(
                        f,
                        (file, options) -> {
                            FullDiskChannel c = FullDiskChannel.roomy(file, options);
                            opened.add(file.toAbsolutePath().normalize());
                            channels.add(c);
                            return c;
                        });
        new OrderDesk(log).draft(deploy("D1", "U1"), "ann", T);
        Path folder = dir.toAbsolutePath().normalize();
        assertThat(opened).as("the new log, then its directory").hasSize(2);
        assertThat(opened.get(1)).isEqualTo(folder);
        assertThat(channels.get(0).writes).isEqualTo(1);
        assertThat(channels.get(0).forces).isEqualTo(1);
        assertThat(channels.get(1).forces).as("the directory forced").isEqualTo(1);

        opened.clear();
        channels.clear();
        new OrderDesk(log).approve("D1", "bob", T);
        assertThat(opened).containsOnly(f.toAbsolutePath().normalize());
        assertThat(channels).extracting(c -> c.writes).containsExactly(1);
        assertThat(channels).extracting(c -> c.forces).containsExactly(1);
        assertThat(log.read()).hasSize(2);
    }

    /** A log that cannot be cut back after a failed write says the event may be in it in part. */
    @Test
    void aFailedWriteThatCannotBeUndoneSaysSo() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        new OrderDesk(new FileOrderLog(f)).draft(deploy("D1", "U1"), "ann", T);
        long size = Files.size(f);
        FileOrderLog stuck =
                new FileOrderLog(
                        f,
                        (file, options) ->
                                new FullDiskChannel(
                                        FileChannel.open(file, options), 10, false, true));
        assertThatThrownBy(() -> new OrderDesk(stuck).approve("D1", "bob", T))
                .hasMessage(
                        "cannot append to order log "
                                + f
                                + ": No space left on device; the event may be in it in part, as"
                                + " cutting it back to its "
                                + size
                                + " bytes failed too (Input/output error): the next command will"
                                + " name a cut-short last line");
        assertThat(Files.size(f)).isEqualTo(size + 10);
    }

    /**
     * The same, with the file system's own limit: a process that may write files of 1,024 bytes at
     * most appends to a log of 1,000 bytes (the first 24 bytes of its event go in, the rest is
     * refused with "File too large"), and drafts the first event of a new log with no room at all.
     */
    @Test
    void aLogBeyondTheFileSizeLimitIsLeftAsItWasOrNotMade() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path f = dir.resolve("orders.jsonl");
        Order o = deploy("D1", "U1");
        String line =
                OrderEventJson.write(
                        new OrderEvent(1, OrderEvent.Type.DRAFTED, "D1", "ann", T, o, "x"));
        String padded =
                OrderEventJson.write(
                        new OrderEvent(
                                1,
                                OrderEvent.Type.DRAFTED,
                                "D1",
                                "ann",
                                T,
                                o,
                                "x".repeat(1000 - line.length())));
        Files.writeString(f, padded + "\n");
        assertThat(Files.size(f)).isEqualTo(1000);
        byte[] before = Files.readAllBytes(f);
        Path fresh = dir.resolve("new").resolve("orders.jsonl");
        Files.createDirectory(fresh.getParent());
        for (Path log : List.of(f, fresh)) {
            Process p =
                    new ProcessBuilder(
                                    "/bin/bash",
                                    "-c",
                                    "trap '' XFSZ; ulimit -f "
                                            + (log == f ? 1 : 0)
                                            + "; exec \"$0\" -XX:-UsePerfData -cp \"$1\" "
                                            + AppendingProcess.class.getName()
                                            + " \"$2\" W 1",
                                    ProcessHandle.current().info().command().orElse("java"),
                                    System.getProperty("java.class.path"),
                                    log.toString())
                            .redirectErrorStream(true)
                            .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output).isNotZero();
            assertThat(output)
                    .contains(
                            "cannot append to order log "
                                    + log
                                    + ": File too large; "
                                    + (log == f
                                            ? "it is left as it was"
                                            : "the log was not created"));
        }
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (Stream<Path> left = Files.list(fresh.getParent())) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * Several processes appending at once neither lose an event nor write two with the same
     * sequence: each append holds the file's lock from reading the log to the forced write.
     */
    @Test
    void appendsFromSeveralProcessesAtOnceKeepEveryEventOnce() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        StringBuilder text = new StringBuilder();
        int before = 3000;
        for (int i = 1; i <= before; i++) {
            Order o = deploy("P" + i, "U" + i);
            text.append(
                            OrderEventJson.write(
                                    new OrderEvent(
                                            i, OrderEvent.Type.DRAFTED, o.id(), "ann", T, o, null)))
                    .append('\n');
        }
        Files.writeString(f, text);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        int processes = 4;
        int each = 8;
        List<Process> running = new java.util.ArrayList<>();
        for (int p = 0; p < processes; p++) {
            running.add(
                    new ProcessBuilder(
                                    java,
                                    "-cp",
                                    classpath,
                                    AppendingProcess.class.getName(),
                                    f.toString(),
                                    "W" + p,
                                    Integer.toString(each))
                            .redirectErrorStream(true)
                            .start());
        }
        for (Process p : running) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output).isZero();
        }
        List<OrderEvent> events = new FileOrderLog(f).read();
        assertThat(events).hasSize(before + processes * each);
        assertThat(events.stream().map(OrderEvent::orderId).distinct().count())
                .isEqualTo(before + processes * each);
    }

    /** A separate process of this test's class path running {@code main}'s main method. */
    private static Process started(Class<?> main, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /**
     * Drafts from several processes at once, each through the order desk as 'orders draft' does,
     * are all recorded: none is refused with "changed while this command ran" however often the
     * others append first, and the log holds each once, numbered 1, 2, 3, ...
     */
    @Test
    void draftsFromSeveralProcessesAtOnceAreAllRecorded() throws Exception {
        int processes = 4;
        int each = 40;
        for (int round = 1; round <= 4; round++) {
            System.out.println("drafts from several processes at once, round " + round);
            Path f = dir.resolve("drafts-" + round + ".jsonl");
            List<Process> running = new java.util.ArrayList<>();
            for (int p = 0; p < processes; p++) {
                running.add(started(DraftingProcess.class, f.toString(), "W" + p, "" + each));
            }
            for (Process p : running) {
                String output =
                        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as("round %d: %s", round, output).isZero();
            }
            List<OrderEvent> events = new FileOrderLog(f).read();
            assertThat(events).as("round %d", round).hasSize(processes * each);
            assertThat(events.stream().map(OrderEvent::orderId).distinct().count())
                    .isEqualTo(processes * each);
        }
    }

    /**
     * A reader while other processes append (as 'orders list' or 'readiness' while others record)
     * reads the log whole each time: never the first pages of an event that is still being written,
     * which it took for a last line cut short by a crash. The events are long (a note of 10,000
     * characters of three bytes each), so that the write of each takes several pages.
     */
    @Test
    void aReaderWhileProcessesAppendReadsEachEventWhole() throws Exception {
        for (int round = 1; round <= 8; round++) {
            System.out.println("a reader while processes append, round " + round);
            Path f = dir.resolve("read-" + round + ".jsonl");
            new OrderDesk(new FileOrderLog(f)).draft(deploy("D0", "U0"), "ann", T);
            List<Process> running = new java.util.ArrayList<>();
            for (int p = 0; p < 3; p++) {
                running.add(started(AppendingProcess.class, f.toString(), "W" + p, "15", "10000"));
            }
            int reads = 0;
            while (running.stream().anyMatch(Process::isAlive)) {
                // a read that meets part of an event is refused as a log cut short, and fails here
                assertThat(new FileOrderLog(f).read()).isNotEmpty();
                reads++;
            }
            for (Process p : running) {
                String output =
                        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as("round %d: %s", round, output).isZero();
            }
            assertThat(new FileOrderLog(f).read()).hasSize(1 + 3 * 15);
            System.out.println("round " + round + ": " + reads + " reads, each whole");
        }
    }

    /**
     * A command whose log gains another event between its read and its append is checked again
     * against the log as it then is and recorded, not refused with "run the command again"; one
     * that the other event makes wrong is refused for that reason.
     */
    /**
     * Two logs on one file in one process (two threads; the second names the file another way):
     * while the first holds the file for a command, the second's read and its command wait their
     * turn and then see its event, where Java refused the second lock on the file at once with an
     * OverlappingFileLockException, which has no message ('refused: null'), and closing the refused
     * channel dropped the first one's lock.
     */
    @Test
    void twoLogsOnOneFileInOneProcessTakeTurns() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        logWithDraft("ann");
        FileOrderLog first = new FileOrderLog(f);
        FileOrderLog second = new FileOrderLog(dir.resolve("sub/../orders.jsonl"));
        Files.createDirectory(dir.resolve("sub"));
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<OrderBook> approval =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () ->
                                first.inTurn(
                                        () -> {
                                            holding.countDown();
                                            try {
                                                release.await();
                                            } catch (InterruptedException e) {
                                                throw new IllegalStateException(e);
                                            }
                                            return new OrderDesk(first).approve("D1", "bob", T);
                                        }));
        holding.await();
        java.util.concurrent.atomic.AtomicReference<Object> read =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Object> issue =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = outcome(read, () -> second.read());
        Thread issuer = outcome(issue, () -> new OrderDesk(second).issue("D1", "cat", T));
        for (Thread t : List.of(reader, issuer)) {
            // each either waits its turn or has failed
            while (t.isAlive() && t.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
        }
        release.countDown();
        assertThat(approval.get().lastSeq()).isEqualTo(2);
        reader.join();
        issuer.join();
        assertThat(read.get()).isInstanceOf(List.class);
        assertThat((List<?>) read.get()).hasSizeBetween(2, 3);
        assertThat(issue.get()).isInstanceOf(OrderBook.class);
        assertThat(((OrderBook) issue.get()).lastSeq()).isEqualTo(3);
        assertThat(first.read())
                .extracting(OrderEvent::type)
                .containsExactly(
                        OrderEvent.Type.DRAFTED, OrderEvent.Type.APPROVED, OrderEvent.Type.ISSUED);
    }

    /** A started thread that keeps what {@code body} gave, or what it threw, in {@code outcome}. */
    private static Thread outcome(
            java.util.concurrent.atomic.AtomicReference<Object> outcome,
            java.util.function.Supplier<Object> body) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                outcome.set(body.get());
                            } catch (RuntimeException e) {
                                outcome.set(e);
                            }
                        });
        t.start();
        return t;
    }

    @Test
    void aCommandOvertakenByAnotherIsCheckedAgainAndRecorded() {
        Path f = dir.resolve("orders.jsonl");
        FileOrderLog file = new FileOrderLog(f);
        new OrderDesk(file).draft(deploy("D1", "U1"), "ann", T);
        // another user's command lands just after this one read the log
        OrderLog overtaken =
                new OrderLog() {
                    boolean first = true;

                    @Override
                    public List<OrderEvent> read() {
                        List<OrderEvent> events = file.read();
                        if (first) {
                            first = false;
                            new OrderDesk(file).draft(deploy("D2", "U2"), "cat", T);
                        }
                        return events;
                    }

                    @Override
                    public void append(OrderEvent event) {
                        file.append(event);
                    }
                };
        new OrderDesk(overtaken).approve("D1", "bob", T);
        List<OrderEvent> events = file.read();
        assertThat(events).extracting(OrderEvent::orderId).containsExactly("D1", "D2", "D1");
        assertThat(OrderBook.replay(events).order("D1").status())
                .isEqualTo(muster.model.force.OrderStatus.APPROVED);

        OrderLog overtakenBySameCommand =
                new OrderLog() {
                    boolean first = true;

                    @Override
                    public List<OrderEvent> read() {
                        List<OrderEvent> events = file.read();
                        if (first) {
                            first = false;
                            new OrderDesk(file).approve("D2", "bob", T);
                        }
                        return events;
                    }

                    @Override
                    public void append(OrderEvent event) {
                        file.append(event);
                    }
                };
        assertThatThrownBy(() -> new OrderDesk(overtakenBySameCommand).approve("D2", "dan", T))
                .isInstanceOf(OrderRefused.class)
                .hasMessageContaining("only a DRAFT can be approved");
        assertThat(file.read()).hasSize(4);
    }

    /**
     * A field of the wrong JSON kind in a hand-edited log is named with its value, not read as its
     * text (a UIC 5 as "5", a user true as "true") or cut to a whole number (seq 1.5 as 1).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "1|\"ann\"|[\"U1\",5]|field 'order.units' item 2 = 5: not a UIC in quotes",
                "1|\"ann\"|[\"U1\",{}]|field 'order.units' item 2 = {}: not a UIC in quotes",
                "1.5|\"ann\"|[\"U1\"]|field 'seq' = 1.5: not a whole number",
                "\"1\"|\"ann\"|[\"U1\"]|field 'seq' = \"1\": not a whole number",
                "1|true|[\"U1\"]|field 'user' = true: not text in quotes"
            })
    void aFieldOfTheWrongKindIsNamedNotReadAsText(
            String seq, String user, String units, String message) throws Exception {
        refusedRead(alertLine(seq, user, AT, units, EFFECTIVE, "5"))
                .hasMessageContaining("orders.jsonl:1")
                .hasMessageContaining(message);
    }
}
