package muster.engine.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import muster.engine.check.testkit.Examples;
import muster.engine.check.testkit.PlanEdits;
import muster.engine.generate.SmallScenarios;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Node;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Stop;
import muster.model.Unmet;
import org.junit.jupiter.api.Test;

/**
 * Random plans, from nonsense to near misses: the checker never throws, every violation names a
 * known rule, and the same input gives the same report.
 */
class CheckerRobustnessTest {

    @Test
    void randomPlansNeverThrow() {
        for (long seed = 1; seed <= 120; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Scenario s = SmallScenarios.random(seed, 1 + rnd.nextInt(30));
            Plan p = randomPlan(s, rnd);
            long shown = seed;
            assertThatCode(() -> PlanChecker.check(s, p))
                    .as("seed %d", shown)
                    .doesNotThrowAnyException();
            CheckReport r = PlanChecker.check(s, p);
            assertThat(r.violations())
                    .as("seed %d", seed)
                    .allMatch(v -> v.rule() >= Violation.FORM && v.rule() <= Violation.MEASURES)
                    .allMatch(v -> v.message() != null && !v.message().isBlank());
            assertThat(r)
                    .as("seed %d: same input, same report", seed)
                    .isEqualTo(PlanChecker.check(s, p));
            // every line of the scenario has a recomputed result, in scenario order
            assertThat(r.lines())
                    .extracting(LineResult::uln)
                    .as("seed %d", seed)
                    .containsExactlyElementsOf(
                            s.requirements().stream().map(RequirementLine::uln).toList());
        }
    }

    @Test
    void anyArrivalMovedOffItsFlyingTimeIsCaught() {
        // Moving one stop's arrival (by 0.01 to 3 h, either way) changes the flying time of the
        // leg into it: rule 3 must report it, whatever else the change breaks.
        Scenario s = Examples.scenario();
        Plan good = Examples.plan();
        for (long seed = 1; seed <= 150; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int mi = rnd.nextInt(good.missions().size());
            Mission m = good.missions().get(mi);
            int si = 1 + rnd.nextInt(m.stops().size() - 1);
            double d = (rnd.nextBoolean() ? 1 : -1) * (0.01 + rnd.nextDouble() * 3);
            Plan bad =
                    PlanEdits.withStop(
                            good,
                            m.id(),
                            si,
                            st -> new Stop(st.node(), st.activity(), st.arrive() + d, st.depart()));
            CheckReport r = PlanChecker.check(s, PlanEdits.restated(s, bad));
            assertThat(r.ofRule(3))
                    .as("seed %d: stop %d of %s arrives %.3f h off", seed, si, m.id(), d)
                    .isNotEmpty();
        }
    }

    static Plan randomPlan(Scenario s, SplittableRandom rnd) {
        List<String> nodes = new ArrayList<>();
        for (Node n : s.nodes()) {
            nodes.add(n.id());
        }
        nodes.add("NOWHERE");
        List<String> ulns = new ArrayList<>();
        for (RequirementLine l : s.requirements()) {
            ulns.add(l.uln());
        }
        ulns.add("NOBODY");
        List<String> lifts = new ArrayList<>();
        s.lift().forEach(t -> lifts.add(t.id()));
        lifts.add("NOLIFT");
        List<Mission> ms = new ArrayList<>();
        int missions = rnd.nextInt(12);
        double t = 0;
        for (int i = 0; i < missions; i++) {
            List<Stop> stops = new ArrayList<>();
            int n = rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
                t += rnd.nextDouble() * 10;
                double a = rnd.nextInt(20) == 0 ? Double.NaN : t;
                double dep = t + rnd.nextDouble() * 5 - 1;
                stops.add(
                        new Stop(pick(nodes, rnd), pick(List.of(Activity.values()), rnd), a, dep));
            }
            List<Load> loads = new ArrayList<>();
            int l = rnd.nextInt(3);
            for (int k = 0; k < l; k++) {
                List<LoadCargo> c = new ArrayList<>();
                if (rnd.nextBoolean()) {
                    c.add(
                            new LoadCargo(
                                    pick(List.of(CargoClass.values()), rnd),
                                    rnd.nextDouble() * 100 - 10));
                }
                loads.add(
                        new Load(
                                pick(ulns, rnd),
                                rnd.nextInt(120) - 10,
                                c,
                                rnd.nextInt(6) - 1,
                                rnd.nextInt(6) - 1));
            }
            ms.add(
                    new Mission(
                            rnd.nextInt(10) == 0 ? "M0" : "M" + i,
                            pick(lifts, rnd),
                            rnd.nextInt(5) - 1,
                            stops,
                            loads));
        }
        List<LineResult> lines = new ArrayList<>();
        for (String u : ulns) {
            if (rnd.nextBoolean()) {
                lines.add(
                        new LineResult(
                                u,
                                rnd.nextBoolean() ? null : rnd.nextDouble() * 100,
                                null,
                                rnd.nextInt(10),
                                0,
                                null));
            }
        }
        Measures measures =
                rnd.nextInt(5) == 0
                        ? null
                        : new Measures(
                                rnd.nextInt(10),
                                rnd.nextDouble(),
                                0,
                                0,
                                List.of(new Unmet(pick(ulns, rnd), CargoClass.PAX, 1)));
        return new Plan(s.name(), null, measures, null, ms, lines, List.of());
    }

    static <T> T pick(List<T> from, SplittableRandom rnd) {
        return from.get(rnd.nextInt(from.size()));
    }
}
