package muster.engine.plan.lns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.generate.Scale;
import muster.engine.generate.ScenarioGenerator;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.engine.plan.lns.Work.Mis;
import muster.model.LiftMode;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The search over every hull's voyages at once, against the voyage-by-voyage pass it starts from:
 * each plan built both ways, before any line-by-line search, and checked against the rules.
 */
class VoyageSearchTest {

    /** The construction: the given voyages (or none) booked, the rest voyage by voyage. */
    private record Built(Work w, Plan plan, CheckReport report) {}

    private static Built build(Model md, Scenario s, List<VoyageSearch.Voyage> voyages) {
        LnsPlanner.Orders orders = LnsPlanner.Orders.of(md);
        Work w = new Work(md);
        Inserter ins = new Inserter(md, w, orders.keyOrder());
        if (voyages != null) {
            ins.bookVoyages(voyages);
        }
        ins.planVoyages(LiftMode.SEA);
        for (int li : orders.order()) {
            ins.place(li);
        }
        ins.overflow(orders.order());
        Plan p = PlanAssembler.assemble(md, w, "lns", "test", 1);
        return new Built(w, p, PlanChecker.check(s, p));
    }

    private static List<VoyageSearch.Voyage> search(Model md, long seed) {
        LnsPlanner.Orders orders = LnsPlanner.Orders.of(md);
        Work w = new Work(md);
        new Inserter(md, w, orders.keyOrder()).planVoyages(LiftMode.SEA);
        return new VoyageSearch(md, orders.keyOrder()).improve(w, seed);
    }

    /**
     * On generated M (seed 1: 26 ships, nine POE-POD channels, each hull sails loaded about once in
     * the horizon) the voyage-by-voyage pass leaves much of the sea cargo for the line-by-line
     * pass; the voyages chosen together carry it, and the plan built from them is better by the
     * objective and keeps every rule.
     */
    @Test
    void hullsChosenTogetherBeatTheVoyageByVoyagePassOnAGeneratedCorps() {
        Scenario s = ScenarioGenerator.generate(Scale.M, 1);
        Model md = new Model(s);
        List<VoyageSearch.Voyage> voyages = search(md, 1);
        assertThat(voyages).as("the search finds better voyages").isNotNull().isNotEmpty();
        Built plain = build(md, s, null);
        Built searched = build(md, s, voyages);
        assertThat(plain.report().violations()).isEmpty();
        assertThat(searched.report().violations()).isEmpty();
        System.out.printf(
                "generated M seed 1 before the line search: voyage by voyage %.1f unmet, %.1f late;"
                        + " hulls together %.1f unmet, %.1f late%n",
                plain.w().unmetW, plain.w().lateSD, searched.w().unmetW, searched.w().lateSD);
        assertThat(searched.w().unmetW).isLessThanOrEqualTo(plain.w().unmetW + 1e-6);
        assertThat(searched.w().lateSD).isLessThan(0.9 * plain.w().lateSD);
        assertThat(searched.report().measures().lateStonDays())
                .isCloseTo(searched.w().lateSD, offset(1e-3));
    }

    /**
     * A step loads again only the channels whose voyages it moved and takes the remembered cost of
     * the others; that must be exactly the cost loading them would give, or the search would take
     * other steps and end elsewhere.
     */
    @Test
    void rememberedChannelCostsGiveTheSameSearchAsLoadingEveryChannel() {
        for (int gen = 1; gen <= 2; gen++) {
            Scenario s = ScenarioGenerator.generate(Scale.S, gen);
            Model md = new Model(s);
            LnsPlanner.Orders orders = LnsPlanner.Orders.of(md);
            for (long seed = 1; seed <= 2; seed++) {
                List<List<VoyageSearch.Voyage>> found = new ArrayList<>();
                for (boolean remember : new boolean[] {true, false}) {
                    Work w = new Work(md);
                    new Inserter(md, w, orders.keyOrder()).planVoyages(LiftMode.SEA);
                    found.add(new VoyageSearch(md, orders.keyOrder(), remember).improve(w, seed));
                }
                assertThat(found.get(0))
                        .as("generated S seed %d, search seed %d", gen, seed)
                        .isNotNull()
                        .isEqualTo(found.get(1));
            }
        }
    }

    /**
     * The plan is built from the voyages the search scored, so each must be booked at the hour the
     * search timed it, with cargo aboard: otherwise the score guides the search to voyages the plan
     * does not have. On generated S seed 1, the second search of plan seed 1 chose an FSS voyage
     * whose berth, booked ship by ship in sailing order, was taken by a RORO the search had timed
     * after it; the FSS then sailed four days late with 6 % of the deck load the search gave it,
     * and the plan built from the search's voyages left 8,970 stons unmet where the search's score
     * left none.
     */
    @Test
    void eachVoyageIsBookedAtTheHourTheSearchTimedItWithCargoAboard() {
        Scenario s = ScenarioGenerator.generate(Scale.S, 1);
        Model md = new Model(s);
        LnsPlanner.Orders orders = LnsPlanner.Orders.of(md);
        for (long seed : new long[] {1, LnsPlanner.searchSeed(1, 1), 2, 3}) {
            List<VoyageSearch.Voyage> voyages = search(md, seed);
            assertThat(voyages).as("search seed %d", seed).isNotNull().isNotEmpty();
            Work w = new Work(md);
            new Inserter(md, w, orders.keyOrder()).bookVoyages(voyages);
            for (VoyageSearch.Voyage v : voyages) {
                List<Mis> chain = w.chains.get(v.type()).get(v.tail());
                assertThat(chain)
                        .as(
                                "search seed %d: %s %d to channel %d timed at hour %.2f",
                                seed, md.types[v.type()].id(), v.tail(), v.key(), v.notBefore())
                        .anySatisfy(
                                m -> {
                                    assertThat(m.key).isEqualTo(v.key());
                                    assertThat(m.t).isEqualTo(v.notBefore());
                                    assertThat(m.loads).isNotEmpty();
                                });
            }
            int missions = 0;
            for (List<List<Mis>> byTail : w.chains) {
                for (List<Mis> chain : byTail) {
                    missions += chain.size();
                }
            }
            assertThat(missions).as("search seed %d", seed).isEqualTo(voyages.size());
        }
    }

    @Test
    void theSameSeedGivesTheSameVoyages() {
        Scenario s = ScenarioGenerator.generate(Scale.S, 2);
        Model md = new Model(s);
        List<VoyageSearch.Voyage> a = search(md, 5);
        List<VoyageSearch.Voyage> b = search(md, 5);
        assertThat(a).isNotNull().isEqualTo(b);
    }

    /**
     * Generated S seed 4: the first annealing run of each of the plan's two searches settles with
     * about 1,000 stons of Beaumont-Bremerhaven cargo left behind on the quick model, since taking
     * it on needs several voyages changed at once, and the plan of then left 977.7 stons unmet.
     * Each search now runs again from the same start when that happens, and the plan leaves nothing
     * unmet and keeps every rule.
     */
    @Test
    void aRunThatLeavesCargoBehindIsFollowedByAnother() {
        assertEveryRuleKeptAndNothingUnmetOnGeneratedS(4);
    }

    /**
     * Generated S seed 19: U00195 (Beaumont to Bremerhaven) is at its POE from hour 240 and due on
     * day 29 of 30, and with waits moved only by up to two days at a time both searches left 365
     * stons of it behind. A voyage may also wait for the hour a line of its channel becomes ready,
     * and the plan then leaves nothing unmet.
     */
    @Test
    void aVoyageMayWaitForTheHourALineOfItsChannelIsReady() {
        assertEveryRuleKeptAndNothingUnmetOnGeneratedS(19);
    }

    /** Plans generated S of the given seed with its own options, as {@code muster plan} does. */
    private static void assertEveryRuleKeptAndNothingUnmetOnGeneratedS(long seed) {
        Scenario s = ScenarioGenerator.generate(Scale.S, seed);
        Plan p = new LnsPlanner().plan(s, PlanOptions.of(s), Progress.NONE);
        CheckReport r = PlanChecker.check(s, p);
        assertThat(r.violations()).as("generated S seed %d", seed).isEmpty();
        assertThat(r.measures().unmet()).as("generated S seed %d", seed).isEmpty();
    }

    /** Every voyage booked goes where its hull can be by then, so no hull is in two places. */
    @Test
    void bookedVoyagesKeepEveryRuleOnGeneratedScenarios() {
        int booked = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Scenario s = ScenarioGenerator.generate(Scale.S, seed);
            Model md = new Model(s);
            List<VoyageSearch.Voyage> voyages = search(md, seed);
            if (voyages == null) {
                continue;
            }
            booked++;
            Built searched = build(md, s, voyages);
            assertThat(searched.report().violations()).as("S seed %d", seed).isEmpty();
            assertThat(searched.report().measures().lateStonDays())
                    .as("S seed %d", seed)
                    .isCloseTo(searched.w().lateSD, offset(1e-3));
        }
        assertThat(booked).as("scenarios where the search chose voyages").isPositive();
    }
}
