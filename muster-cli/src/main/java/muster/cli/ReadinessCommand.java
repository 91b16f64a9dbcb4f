package muster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import muster.engine.orders.OrderBook;
import muster.engine.orders.OrderRefused;
import muster.engine.orders.UnitRecord;
import muster.io.force.CatalogueReader;
import muster.io.force.FileOrderLog;
import muster.io.force.ForceRead;
import muster.model.force.Catalogue;
import muster.model.force.Unit;
import muster.model.force.UnitStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muster readiness}: a board of catalogue units by status, notice to move and nation. */
@Command(
        name = "readiness",
        footer = ExitCode.FOOTER,
        description = "Board of units: status derived from the order log, notice to move, nation.")
public final class ReadinessCommand implements Callable<Integer> {
    @Option(names = "--log", required = true, paramLabel = "FILE", description = "the order log")
    Path log;

    @Option(
            names = "--catalogue",
            required = true,
            paramLabel = "FILE",
            description = "the force catalogue")
    Path catalogue;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "date the board is for (default: today, UTC)")
    String asOf;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate day;
        try {
            day =
                    asOf == null
                            ? LocalDate.now(ZoneOffset.UTC)
                            : OrdersCommand.date("--as-of", asOf);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        if (!Files.exists(log)) {
            err.println("refused: --log '" + log + "': no order log there");
            err.println("  Maybe check the path; 'muster orders draft' starts a new log.");
            err.flush();
            return ExitCode.REFUSED;
        }
        String logProblem = InPath.problem(log);
        if (logProblem != null) {
            err.println("refused: --log '" + log + "': " + logProblem);
            err.flush();
            return ExitCode.REFUSED;
        }
        String catalogueProblem = InPath.problem(catalogue);
        if (catalogueProblem != null) {
            err.println("refused: --catalogue '" + catalogue + "': " + catalogueProblem);
            err.flush();
            return ExitCode.REFUSED;
        }
        ForceRead<Catalogue> cat;
        try {
            cat = CatalogueReader.read(catalogue);
        } catch (IOException e) {
            String why =
                    e instanceof java.nio.file.NoSuchFileException
                            ? "no such file"
                            : "cannot read it: " + e.getMessage();
            err.println("refused: --catalogue '" + catalogue + "': " + why);
            err.flush();
            return ExitCode.REFUSED;
        }
        Faults.print(err, catalogue.toString(), cat.faults());
        if (cat.refused()) {
            err.println("refused: " + catalogue + " has faults");
            err.flush();
            return ExitCode.REFUSED;
        }
        OrderBook book;
        try {
            book = OrderBook.replay(new FileOrderLog(log).read());
        } catch (OrderRefused | FileOrderLog.CorruptLog e) {
            err.println(
                    "refused: "
                            + (e instanceof OrderRefused r && r.inLog() ? log + ": " : "")
                            + e.getMessage());
            err.flush();
            return ExitCode.REFUSED;
        }
        record Row(Unit u, UnitRecord r, UnitStatus s, int ntm) {}
        List<Row> rows = new ArrayList<>();
        for (Unit u : cat.value().units()) {
            UnitRecord r = book.unit(u.uic()).asOf(day);
            int ntm = r.noticeToMoveHours() != null ? r.noticeToMoveHours() : u.noticeToMoveHours();
            rows.add(new Row(u, r, r.statusOn(day), ntm));
        }
        List<UnitStatus> order =
                List.of(
                        UnitStatus.DEPLOYED,
                        UnitStatus.DEPLOYING,
                        UnitStatus.ALERTED,
                        UnitStatus.STOOD_DOWN,
                        UnitStatus.AVAILABLE);
        rows.sort(
                Comparator.comparingInt((Row x) -> order.indexOf(x.s()))
                        .thenComparingInt(Row::ntm)
                        .thenComparing(x -> x.u().nation())
                        .thenComparing(x -> x.u().uic()));
        out.println(
                "readiness board as of " + day + " (" + log + ", " + book.lastSeq() + " event(s))");
        String fmt = "%-11s %-8s %-3s %-22s %6s  %-9s %-8s %s%n";
        out.printf(
                Locale.ROOT,
                fmt,
                "STATUS",
                "UIC",
                "NAT",
                "CAPABILITY",
                "NTM h",
                "ORDER",
                "TO",
                "NAME");
        Map<UnitStatus, Integer> byStatus = new EnumMap<>(UnitStatus.class);
        Map<String, Integer> byNation = new TreeMap<>();
        for (Row x : rows) {
            out.printf(
                    Locale.ROOT,
                    fmt,
                    x.s(),
                    x.u().uic(),
                    x.u().nation(),
                    x.u().capability(),
                    x.ntm(),
                    OrdersCommand.dash(x.r().orderId()),
                    OrdersCommand.dash(x.r().destination()),
                    x.u().name());
            byStatus.merge(x.s(), 1, Integer::sum);
            if (x.s() != UnitStatus.AVAILABLE) {
                byNation.merge(x.u().nation(), 1, Integer::sum);
            }
        }
        out.println("by status: " + byStatus);
        out.println("named by orders, by nation: " + byNation);
        // as the board counts them: an order that takes effect after the day does not count yet
        for (UnitRecord r : book.units().values()) {
            if (cat.value().unit(r.uic()).isEmpty() && r.asOf(day).orderId() != null) {
                out.println(
                        "note: unit "
                                + r.uic()
                                + " is named by orders in effect by "
                                + day
                                + " but not in "
                                + catalogue);
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
