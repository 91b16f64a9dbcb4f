package muster.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import muster.engine.check.PlanChecker;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.io.csv.LinesCsv;
import muster.model.Plan;
import muster.model.Scenario;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.api.Test;

/**
 * The {@code lateStonDays} column of lines.csv adds up to the plan's {@code lateStonDays}, to the
 * rounding of its four decimals, for plans the planners make: of the bundled scenario, and of small
 * random scenarios with late and unmet load.
 */
class LineLateStonDaysTest {
    /** Each line's late ston-days as lines.csv gives them, read back with a separate parser. */
    private static List<Double> column(Scenario s, Plan plan) throws Exception {
        StringWriter w = new StringWriter();
        LinesCsv.write(s, plan, w);
        try (MappingIterator<Map<String, String>> it =
                new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(w.toString())) {
            return it.readAll().stream()
                    .map(r -> Double.parseDouble(r.get("lateStonDays")))
                    .toList();
        }
    }

    private static void assertAddsUp(Scenario s, Plan plan, String what) throws Exception {
        List<Double> column = column(s, plan);
        assertThat(column).as(what).hasSize(s.requirements().size());
        double total = plan.measures().lateStonDays();
        // each cell rounded to 4 decimals; the plan's figure agrees with the checker's within a
        // relative 1e-6
        double tol = column.size() * 5e-5 + 1e-6 * Math.max(1, total);
        assertThat(column.stream().mapToDouble(Double::doubleValue).sum())
                .as(what)
                .isCloseTo(total, within(tol));
        assertThat(column).as(what).allSatisfy(x -> assertThat(x).isNotNegative());
    }

    @Test
    void bundledScenarioLinesAddUpToThePlan() throws Exception {
        Scenario s =
                ScenarioReader.read(Path.of("..", "scenarios", "eastern-flank-2022.yaml"))
                        .scenario();
        for (String planner : List.of(Planners.DEFAULT, "fifo")) {
            Plan plan = Planners.byName(planner).plan(s, PlanOptions.of(s), Progress.NONE);
            assertThat(plan.measures().lateStonDays()).as(planner).isPositive();
            assertAddsUp(s, plan, "bundled scenario, " + planner);
        }
    }

    @Test
    void randomScenarioWithLateAndUnmetLoadAddsUpToThePlan() throws Exception {
        long first = new Random().nextLong();
        System.out.println("LineLateStonDaysTest seed " + first);
        int withUnmet = 0;
        for (long seed = first; seed < first + 40 && withUnmet < 3; seed++) {
            Scenario s =
                    RandomScenarios.generate(new Random(seed), 4 + new Random(seed).nextInt(20));
            if (!ScenarioValidator.accepts(ScenarioValidator.validate(s))) {
                continue;
            }
            Plan plan = Planners.byName("fifo").plan(s, PlanOptions.of(s), Progress.NONE);
            assertThat(PlanChecker.check(s, plan).violations()).as("seed %d", seed).isEmpty();
            assertAddsUp(s, plan, "seed " + seed);
            if (!plan.measures().unmet().isEmpty()
                    && plan.lines().stream().anyMatch(l -> l.lateDays() > 0)) {
                withUnmet++;
            }
        }
        assertThat(withUnmet)
                .as("scenarios with late and unmet load from seed %d", first)
                .isPositive();
    }
}
