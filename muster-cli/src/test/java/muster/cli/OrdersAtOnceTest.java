package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order commands given at once by several users, each a muster process of its own on one log: each
 * step is taken once, the later of two that cannot both be taken is refused, and readers read the
 * log whole while others write it.
 */
class OrdersAtOnceTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    /** Starts {@code muster args} as a process of its own, its output to files. */
    private Process start(Path out, Path err, String... args) throws Exception {
        return TestCommands.process(args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    /** Runs each command line as a process of its own, all at once, and waits for them all. */
    private List<Run> atOnce(List<String[]> commands) throws Exception {
        List<Process> running = new ArrayList<>();
        List<Path[]> outputs = new ArrayList<>();
        for (String[] args : commands) {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            outputs.add(new Path[] {out, err});
            running.add(start(out, err, args));
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            int code = running.get(i).waitFor();
            runs.add(
                    new Run(
                            code,
                            Files.readString(outputs.get(i)[0], StandardCharsets.UTF_8),
                            Files.readString(outputs.get(i)[1], StandardCharsets.UTF_8)));
        }
        return runs;
    }

    private static String[] draft(Path log, String id, String unit) {
        return TestCommands.draft(
                log.toString(),
                id,
                "ALERT",
                unit,
                "SECDEF",
                "--notice-hours",
                "96",
                "--effective",
                "2022-01-24T00:00:00Z");
    }

    /**
     * Two users approve the same draft at once: one approval is recorded, and the other is refused
     * (exit 3) as the draft is approved already.
     */
    @Test
    void twoApprovalsOfOneDraftAtOnceRecordOneAndRefuseTheOther() throws Exception {
        for (int round = 1; round <= 4; round++) {
            System.out.println("two approvals at once, round " + round);
            Path log = dir.resolve("approve-" + round + ".jsonl");
            assertThat(atOnce(List.<String[]>of(draft(log, "PTDO-1", "WAB1AA"))).get(0).code())
                    .isZero();
            String[] bob = {
                "orders", "approve", "PTDO-1", "--log", log.toString(), "--user", "bob"
            };
            String[] cat = {
                "orders", "approve", "PTDO-1", "--log", log.toString(), "--user", "cat"
            };
            List<Run> runs = atOnce(List.of(bob, cat));
            assertThat(runs)
                    .as("round %d", round)
                    .extracting(Run::code)
                    .containsExactlyInAnyOrder(ExitCode.OK, ExitCode.REFUSED);
            Run refused = runs.get(0).code() == ExitCode.OK ? runs.get(1) : runs.get(0);
            assertThat(refused.err())
                    .as("round %d", round)
                    .startsWith("refused: ")
                    .contains("PTDO-1", "only a DRAFT can be approved");
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).as("round %d", round).hasSize(2);
            assertThat(lines.get(1)).contains("\"seq\":2", "\"type\":\"APPROVED\"");
        }
    }

    /**
     * Drafts of different orders at once are all recorded, each once and numbered in turn, while
     * 'orders list' and 'readiness' read the log whole.
     */
    @Test
    void draftsAtOnceAreAllRecordedWhileOthersReadTheLog() throws Exception {
        int drafts = 5;
        for (int round = 1; round <= 2; round++) {
            System.out.println("drafts and readers at once, round " + round);
            Path log = dir.resolve("drafts-" + round + ".jsonl");
            assertThat(atOnce(List.<String[]>of(draft(log, "A0", "WAB1AA"))).get(0).code())
                    .isZero();
            List<String[]> commands = new ArrayList<>();
            for (int i = 1; i <= drafts; i++) {
                commands.add(draft(log, "A" + i, "WJ18CP"));
            }
            commands.add(new String[] {"orders", "list", "--log", log.toString()});
            commands.add(
                    new String[] {
                        "readiness",
                        "--log",
                        log.toString(),
                        "--catalogue",
                        "../data/catalogue/eastern-flank-2022-units.yaml",
                        "--as-of",
                        "2022-02-10"
                    });
            List<Run> runs = atOnce(commands);
            for (Run r : runs) {
                assertThat(r.code()).as("round %d: %s", round, r.err()).isZero();
            }
            Run list =
                    atOnce(
                                    List.<String[]>of(
                                            new String[] {
                                                "orders", "list", "--log", log.toString()
                                            }))
                            .get(0);
            assertThat(list.code()).as(list.err()).isZero();
            for (int i = 0; i <= drafts; i++) {
                assertThat(list.out()).as("round %d", round).contains("A" + i);
            }
            List<String> lines = Files.readAllLines(log);
            assertThat(lines).hasSize(drafts + 1);
            for (int i = 0; i < lines.size(); i++) {
                assertThat(lines.get(i)).startsWith("{\"seq\":" + (i + 1) + ",");
            }
        }
    }
}
