package muster.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import muster.engine.orders.OrderBook;
import muster.engine.orders.OrderDesk;
import muster.engine.orders.OrderRecord;
import muster.engine.orders.OrderRefused;
import muster.io.force.CatalogueReader;
import muster.io.force.FileOrderLog;
import muster.io.force.ForceRead;
import muster.model.force.Catalogue;
import muster.model.force.Order;
import muster.model.force.OrderKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code muster orders draft|approve|issue|cancel|list|repair}: alert, deployment and stand-down
 * orders kept in an append-only log file. Every command reads the whole log, derives the state and
 * appends one event only when the state accepts it.
 */
@Command(
        name = "orders",
        footer = ExitCode.FOOTER,
        description = "Draft, approve, issue, cancel and list orders in an append-only log.",
        subcommands = {
            OrdersCommand.Draft.class,
            OrdersCommand.Approve.class,
            OrdersCommand.Issue.class,
            OrdersCommand.Cancel.class,
            OrdersCommand.ListOrders.class,
            OrdersCommand.Repair.class
        })
public final class OrdersCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "give one of: draft, approve, issue, cancel, list, repair");
    }

    /** Options every order command takes. */
    abstract static class Base implements Callable<Integer> {
        @Option(
                names = "--log",
                required = true,
                paramLabel = "FILE",
                description = "the order log (JSON lines)")
        Path log;

        @Spec CommandSpec spec;

        abstract OrderBook act(OrderDesk desk, Instant now);

        /** Runs the command on the log file: {@link #act} on a desk over it, for all but repair. */
        OrderBook run(FileOrderLog file, Instant now) {
            return act(new OrderDesk(file), now);
        }

        /** Only a draft may start a new log; every other command needs one that exists. */
        boolean startsLog() {
            return false;
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!startsLog() && !Files.exists(log)) {
                err.println("refused: --log '" + log + "': no order log there");
                err.println("  Maybe check the path; 'muster orders draft' starts a new log.");
                err.flush();
                return ExitCode.REFUSED;
            }
            String newLogProblem = Files.exists(log) ? null : OutPath.fileProblem(log);
            if (newLogProblem != null) {
                err.println("error: --log: " + newLogProblem + "; nothing was recorded");
                err.flush();
                return ExitCode.USAGE;
            }
            String logProblem = Files.exists(log) ? InPath.problem(log) : null;
            if (logProblem != null) {
                err.println("refused: --log '" + log + "': " + logProblem);
                err.flush();
                return ExitCode.REFUSED;
            }
            try {
                OrderBook b = run(new FileOrderLog(log), Instant.now());
                report(spec.commandLine().getOut(), b);
                return ExitCode.OK;
            } catch (OrderRefused | FileOrderLog.CorruptLog | IllegalStateException e) {
                err.println(
                        "refused: "
                                + (e instanceof OrderRefused r && r.inLog() ? log + ": " : "")
                                + e.getMessage());
                err.flush();
                return ExitCode.REFUSED;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            } catch (java.io.UncheckedIOException e) {
                // the log names itself and the cause (permission denied, a read-only or full
                // disk): an output that could not be written, no fault inside muster
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCode.INTERNAL;
            }
        }

        void report(PrintWriter out, OrderBook b) {}
    }

    /** Options of a command done by a named person. */
    abstract static class ByUser extends Base {
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "who does it")
        String user;
    }

    @Command(
            name = "draft",
            footer = ExitCode.FOOTER,
            description = "Draft an order (ALERT, DEPLOY or STAND_DOWN).")
    static final class Draft extends ByUser {
        @Override
        boolean startsLog() {
            return true;
        }

        @Option(names = "--id", required = true, description = "order id, unique in the log")
        String id;

        @Option(
                names = "--kind",
                required = true,
                converter = KindConverter.class,
                description = "ALERT, DEPLOY or STAND_DOWN, in any case")
        OrderKind kind;

        @Option(
                names = "--units",
                required = true,
                split = ",",
                paramLabel = "UIC",
                description = "units it names, comma-separated")
        List<String> units;

        @Option(names = "--authority", required = true, description = "issuing authority")
        String authority;

        @Option(
                names = "--effective",
                paramLabel = "INSTANT",
                description = "when it takes effect, ISO-8601 (default: now, to the second)")
        String effective;

        @Option(
                names = "--notice-hours",
                paramLabel = "H",
                description = "ALERT: notice to move in hours, at most 8760 (a year)")
        Integer noticeHours;

        @Option(
                names = "--destination",
                paramLabel = "NODE",
                description = "DEPLOY: destination node id")
        String destination;

        @Option(names = "--c-day", paramLabel = "DATE", description = "DEPLOY: C-day, yyyy-mm-dd")
        String cDay;

        @Option(
                names = "--ready",
                paramLabel = "DATE",
                description =
                        "DEPLOY: date required at the destination, not before C-day or the day"
                                + " it takes effect")
        String ready;

        @Option(names = "--note", description = "free text")
        String note;

        @Option(
                names = "--catalogue",
                paramLabel = "FILE",
                description = "refuse units not in this catalogue")
        Path catalogue;

        @Override
        OrderBook act(OrderDesk desk, Instant now) {
            checkKindOptions();
            if (id.isBlank()) {
                throw new IllegalArgumentException("--id: blank; give the order an id");
            }
            List<String> given = units;
            units = new ArrayList<>();
            for (String u : given) {
                // "WAB1AA, WJ18CP" names WJ18CP, not " WJ18CP", which no board would show
                if (u.isBlank()) {
                    throw new IllegalArgumentException(
                            "--units: an empty UIC in '" + String.join(",", given) + "'");
                }
                units.add(u.trim());
            }
            if (catalogue != null) {
                String problem = InPath.problem(catalogue);
                if (problem != null) {
                    throw new OrderRefused(
                            "--catalogue '"
                                    + catalogue
                                    + "': "
                                    + problem
                                    + "; nothing was recorded");
                }
                ForceRead<Catalogue> cat;
                try {
                    cat = CatalogueReader.read(catalogue);
                } catch (java.io.IOException e) {
                    throw new OrderRefused(
                            "--catalogue '"
                                    + catalogue
                                    + "': cannot read it: "
                                    + e.getMessage()
                                    + "; nothing was recorded");
                }
                if (cat.refused()) {
                    // name each fault, as readiness does, rather than send the user to find them
                    Faults.print(spec.commandLine().getErr(), catalogue.toString(), cat.faults());
                    throw new OrderRefused(
                            "--catalogue '"
                                    + catalogue
                                    + "' has the faults above, so the units of order "
                                    + id
                                    + " cannot be checked against it; nothing was recorded");
                }
                List<String> unknown = new ArrayList<>();
                for (String u : units) {
                    if (cat.value().unit(u).isEmpty()) {
                        unknown.add(u);
                    }
                }
                if (!unknown.isEmpty()) {
                    throw new OrderRefused(
                            "order " + id + " names units not in " + catalogue + ": " + unknown);
                }
            }
            Order o =
                    new Order(
                            id,
                            kind,
                            units,
                            authority,
                            effective == null
                                    // the whole second: a time given by hand is written so, and
                                    // the list's columns keep their width
                                    ? now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                    : instant("--effective", effective),
                            noticeHours,
                            destination,
                            cDay == null ? null : date("--c-day", cDay),
                            ready == null ? null : date("--ready", ready),
                            note);
            return desk.draft(o, user, now);
        }

        /** The option of each field that only some kinds of order take. */
        private static final java.util.Map<String, String> OPTIONS =
                java.util.Map.of(
                        "noticeToMoveHours", "--notice-hours",
                        "destination", "--destination",
                        "cDay", "--c-day",
                        "readyDate", "--ready");

        /**
         * Each kind of order takes its own options ({@link OrderKind#fields}): an ALERT its notice
         * to move, a DEPLOY its destination, C-day and ready date, a STAND_DOWN none of them. A
         * missing one is named, and one given to a kind that does not take it is refused rather
         * than stored unread.
         */
        private void checkKindOptions() {
            List<String> takes = kind.fields().stream().map(OPTIONS::get).toList();
            java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
            given.put("noticeToMoveHours", noticeHours == null ? null : noticeHours.toString());
            given.put("destination", destination);
            given.put("cDay", cDay);
            given.put("readyDate", ready);
            for (String field : OrderKind.KIND_FIELDS) {
                String option = OPTIONS.get(field);
                String value = given.get(field);
                boolean wanted = kind.fields().contains(field);
                if (wanted && value == null) {
                    throw new IllegalArgumentException(
                            option
                                    + " is missing: "
                                    + kind.withArticle()
                                    + " order needs "
                                    + String.join(", ", takes));
                }
                if (!wanted && value != null) {
                    throw new IllegalArgumentException(
                            option
                                    + " '"
                                    + value
                                    + "' does not apply to "
                                    + kind.withArticle()
                                    + " order"
                                    + (takes.isEmpty()
                                            ? " (it takes none of --notice-hours, --destination,"
                                                    + " --c-day, --ready)"
                                            : " (it takes " + String.join(", ", takes) + ")"));
                }
            }
            if (noticeHours != null && noticeHours < 0) {
                throw new IllegalArgumentException(
                        "--notice-hours '"
                                + noticeHours
                                + "' is below 0: give the hours of notice");
            }
        }

        @Override
        void report(PrintWriter out, OrderBook b) {
            out.println(
                    "drafted "
                            + id
                            + " ("
                            + kind
                            + ", "
                            + units.size()
                            + " unit(s)); it needs approval by someone other than "
                            + user);
            out.flush();
        }
    }

    @Command(
            name = "approve",
            footer = ExitCode.FOOTER,
            description = "Approve a draft (not your own).")
    static final class Approve extends ByUser {
        @Parameters(index = "0", paramLabel = "ORDER")
        String id;

        @Override
        OrderBook act(OrderDesk desk, Instant now) {
            return desk.approve(id, user, now);
        }

        @Override
        void report(PrintWriter out, OrderBook b) {
            out.println("approved " + id + " by " + user);
            out.flush();
        }
    }

    @Command(
            name = "issue",
            footer = ExitCode.FOOTER,
            description =
                    "Issue an approved order; its units take their new status from the time it"
                            + " takes effect, and a deployment order's DEPLOYED from its ready"
                            + " date.")
    static final class Issue extends ByUser {
        @Parameters(index = "0", paramLabel = "ORDER")
        String id;

        @Override
        OrderBook act(OrderDesk desk, Instant now) {
            return desk.issue(id, user, now);
        }

        @Override
        void report(PrintWriter out, OrderBook b) {
            OrderRecord r = b.order(id);
            out.println("issued " + id + ": " + r.order().kind());
            // the board counts an order from its effective time, not from when it was issued, and
            // a deploying unit as DEPLOYED from its ready date
            for (String u : r.order().units()) {
                List<String> phases = new ArrayList<>();
                for (muster.engine.orders.UnitRecord.Phase p : b.unit(u).phases()) {
                    phases.add(p.status() + " from " + p.from());
                }
                out.println("  " + u + " " + String.join(", ", phases));
            }
            out.flush();
        }
    }

    @Command(
            name = "cancel",
            footer = ExitCode.FOOTER,
            description = "Cancel a draft or approved order.")
    static final class Cancel extends ByUser {
        @Parameters(index = "0", paramLabel = "ORDER")
        String id;

        @Option(names = "--reason", required = true, description = "why")
        String reason;

        @Override
        OrderBook act(OrderDesk desk, Instant now) {
            return desk.cancel(id, user, now, reason);
        }

        @Override
        void report(PrintWriter out, OrderBook b) {
            out.println("cancelled " + id);
            out.flush();
        }
    }

    @Command(
            name = "list",
            footer = ExitCode.FOOTER,
            description = "List the orders derived from the log.")
    static final class ListOrders extends Base {
        @Override
        OrderBook act(OrderDesk desk, Instant now) {
            return desk.book();
        }

        @Override
        void report(PrintWriter out, OrderBook b) {
            out.println(
                    String.format(
                            Locale.ROOT,
                            "%-12s %-10s %-9s %-20s %-10s %-10s %-10s %s",
                            "ORDER",
                            "KIND",
                            "STATUS",
                            "EFFECTIVE",
                            "DRAFTED",
                            "APPROVED",
                            "ISSUED",
                            "UNITS"));
            for (OrderRecord r : b.orders()) {
                out.println(
                        String.format(
                                Locale.ROOT,
                                "%-12s %-10s %-9s %-20s %-10s %-10s %-10s %s",
                                r.order().id(),
                                r.order().kind(),
                                r.status(),
                                r.order().effective(),
                                r.draftedBy(),
                                dash(r.approvedBy()),
                                dash(r.issuedBy()),
                                String.join(",", r.order().units())));
                if (r.cancelledBy() != null) {
                    // who stopped an order, and why, is part of its history; each further line
                    // of the reason is indented under it, so none passes for an order, and a
                    // carriage return ends a line rather than writing over this one
                    out.println(
                            "  cancelled by "
                                    + r.cancelledBy()
                                    + ": "
                                    + String.join(
                                            System.lineSeparator() + "    ",
                                            String.valueOf(r.cancelReason())
                                                    .split("\r\n|\r|\n", -1)));
                }
            }
            out.println(b.orders().size() + " order(s), " + b.lastSeq() + " event(s)");
            out.flush();
        }
    }

    @Command(
            name = "repair",
            footer = ExitCode.FOOTER,
            description =
                    "Mend a log whose last line a stopped command left without its end of line:"
                            + " a whole event is kept, a line cut short is moved to LOG.cut-BYTE.")
    static final class Repair extends Base {
        private FileOrderLog.Repair done;

        @Override
        OrderBook run(FileOrderLog file, Instant now) {
            // the lines are mended, not the orders checked: the next command replays them
            done = file.repair();
            return null;
        }

        @Override
        OrderBook act(OrderDesk desk, Instant now) {
            return desk.book();
        }

        @Override
        void report(PrintWriter out, OrderBook b) {
            if (done.none()) {
                out.println(
                        log + " reads whole (" + done.events() + " event(s)); nothing to repair");
            } else if (done.kept() != null) {
                out.println(
                        "ended line "
                                + done.line()
                                + " of "
                                + log
                                + ", which held event "
                                + done.line()
                                + " whole ("
                                + done.kept().type()
                                + " "
                                + muster.model.Fault.shown(done.kept().orderId())
                                + " by "
                                + muster.model.Fault.shown(done.kept().user())
                                + ") but not its end of line; the event is kept, and the log"
                                + " holds "
                                + done.events()
                                + " event(s)");
                out.println(
                        "  If the command that wrote it was stopped and said nothing, it is"
                                + " recorded all the same: 'muster orders list' shows it.");
            } else {
                out.println(
                        "moved line "
                                + done.line()
                                + " of "
                                + log
                                + ", cut short ("
                                + done.bytes()
                                + " bytes from byte "
                                + done.at()
                                + ": '"
                                + done.shown()
                                + "'), to "
                                + done.setAside()
                                + "; the log holds its "
                                + done.events()
                                + " whole event(s) and takes new ones");
                out.println(
                        "  The command that was writing it was stopped before it finished and"
                                + " did not record it: give it again if it is still wanted.");
            }
            out.flush();
        }
    }

    static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant PAST_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    static Instant instant(String opt, String v) {
        Instant at;
        try {
            at = Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    opt + " '" + v + "' is not an ISO-8601 instant such as 2022-02-02T18:00:00Z");
        }
        if (at.isBefore(FIRST) || !at.isBefore(PAST_LAST)) {
            throw new IllegalArgumentException(
                    opt + " '" + v + "': the time is outside the years 1900 to 9999");
        }
        return at;
    }

    static LocalDate date(String opt, String v) {
        LocalDate d;
        try {
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(opt + " '" + v + "' is not a date (yyyy-mm-dd)");
        }
        inYears(opt, v, d.getYear());
        return d;
    }

    /**
     * Orders and boards are dated from 1900 to 9999: beyond, a day after the date may not exist.
     */
    private static void inYears(String opt, String v, int year) {
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException(
                    opt + " '" + v + "': the year " + year + " is outside 1900 to 9999");
        }
    }

    /**
     * The kind of an order in any case ({@code alert}, {@code Deploy}), as the server's API takes
     * it.
     */
    static final class KindConverter implements ITypeConverter<OrderKind> {
        @Override
        public OrderKind convert(String value) {
            try {
                return OrderKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "expected one of "
                                + java.util.Arrays.toString(OrderKind.values())
                                + " (in any case) but was '"
                                + value
                                + "'");
            }
        }
    }
}
