package muster.engine.plan;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import muster.model.CargoClass;
import muster.model.LineMode;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times the default planner on a large synthetic theatre deployment built in code. Not part of the
 * normal test run; start it with {@code ./mvnw -q -pl muster-engine -am test
 * -Dtest=PlannerBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dmuster.bench=20000} (the number
 * of lines; {@code -Dmuster.bench.iterations=N} sets the search budget). It prints wall time, CPU
 * time, peak heap and the measures, and fails if the plan breaks a rule.
 */
class PlannerBenchmark {

    @Test
    @EnabledIfSystemProperty(named = "muster.bench", matches = "\\d+")
    void planALargeScenario() {
        int lines = Integer.parseInt(System.getProperty("muster.bench"));
        int iterations = Integer.getInteger("muster.bench.iterations", 2000);
        Scenario s = theatre(lines, 1, iterations);
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Plan plan = Planners.byName("lns").plan(s, PlanOptions.of(s), Progress.NONE);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        List<String> v = LnsPlannerTest.violations(s, plan);
        System.out.printf(
                "lines %d, tails %d, nodes %d, iterations %d: %.1f s wall, %.1f s CPU, peak heap"
                        + " %.0f MiB, %d missions, %s, violations %d%n",
                lines,
                s.lift().stream().mapToInt(t -> t.count()).sum(),
                s.nodes().size(),
                iterations,
                wall,
                cpu,
                peak / 1048576.0,
                plan.missions().size(),
                plan.measures()
                        .toString()
                        .replaceAll(
                                "unmet=\\[.*\\]",
                                "unmet entries=" + plan.measures().unmet().size()),
                v.size());
        if (!v.isEmpty()) {
            throw new AssertionError(v.subList(0, Math.min(10, v.size())).toString());
        }
    }

    /**
     * A theatre deployment from North America to eastern Europe: 12 US and 10 European airfields
     * with 4 en-route bases, 6 US and 6 European seaports, origins and assembly areas; about 1,000
     * tails and hulls; lines of people and cargo over 60 days.
     */
    static Scenario theatre(int lines, long seed, int iterations) {
        SplittableRandom r = new SplittableRandom(seed);
        ScenarioBuilder b =
                new ScenarioBuilder("theatre-" + lines).horizon(60).search(seed, iterations);
        List<String> usAir = new ArrayList<>();
        List<String> euAir = new ArrayList<>();
        List<String> usSea = new ArrayList<>();
        List<String> euSea = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        List<String> dests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "USA" + i;
            b.airfield(id, 30 + i, -95 + 2 * i, 2 + r.nextInt(4), 3);
            usAir.add(id);
        }
        for (int i = 0; i < 10; i++) {
            String id = "EUA" + i;
            b.airfield(id, 45 + i * 0.8, 14 + 1.5 * i, 2 + r.nextInt(3), 4);
            euAir.add(id);
        }
        String[] enroute = {"LPLA", "BIKF", "EGUN", "ETAR"};
        double[][] er = {{38.76, -27.09}, {63.98, -22.6}, {52.36, 0.49}, {49.44, 7.6}};
        for (int i = 0; i < 4; i++) {
            b.airfield(enroute[i], er[i][0], er[i][1], 4 + r.nextInt(4), 0);
        }
        for (int i = 0; i < 6; i++) {
            b.seaport("USP" + i, 28 + 2 * i, -90 + 3 * i, 2 + r.nextInt(2), 12);
            usSea.add("USP" + i);
            b.seaport("EUP" + i, 44 + 2 * i, 4 + 4 * i, 2 + r.nextInt(2), 24);
            euSea.add("EUP" + i);
        }
        for (int i = 0; i < 8; i++) {
            b.place("ORG" + i, 31 + i, -96 + 2.5 * i);
            origins.add("ORG" + i);
        }
        for (int i = 0; i < 6; i++) {
            b.place("AA" + i, 47 + i, 18 + 2 * i);
            dests.add("AA" + i);
        }
        for (String o : origins) {
            for (String p : usAir) {
                b.road(o, p, 2 + r.nextInt(30));
            }
            for (String p : usSea) {
                b.road(o, p, 6 + r.nextInt(40));
            }
        }
        for (String d : dests) {
            for (String p : euAir) {
                b.road(p, d, 1 + r.nextInt(20));
            }
            for (String p : euSea) {
                b.road(p, d, 10 + r.nextInt(40));
            }
        }
        for (String p : usAir) {
            for (String q : euAir) {
                b.airRoute(p, q, "LPLA");
                b.airRoute(p, q, enroute[1 + r.nextInt(3)]);
            }
        }
        for (String p : usSea) {
            for (String q : euSea) {
                b.seaRoute(p, q, 3800 + r.nextInt(1800));
            }
        }
        b.aircraft("C-17", 450, 0, "USA0", 102, 45, 450, 2400, 2.25);
        b.aircraft("C-5", 100, 1, "USA1", 73, 80, 430, 2400, 3.25);
        b.aircraft("KC-10", 60, 0, "USA2", 75, 40, 460, 3800, 2);
        b.aircraft("CRAF-PAX", 200, 2, "USA3", 350, 0, 480, 5000, 2);
        b.aircraft("CRAF-CGO", 140, 2, "USA4", 0, 100, 470, 4000, 3);
        b.ship("LMSR", 20, "USP0", 25000, 300000, 24, 96);
        b.ship("RORO", 30, "USP1", 10000, 150000, 18, 48);
        for (int i = 0; i < lines; i++) {
            boolean sea = r.nextInt(10) < 3;
            String o = origins.get(r.nextInt(origins.size()));
            String d = dests.get(r.nextInt(dests.size()));
            int rld = r.nextInt(35);
            int ald = rld + r.nextInt(3);
            if (sea) {
                int ead = ald + 10 + r.nextInt(4);
                int rdd = Math.min(59, ead + 2 + r.nextInt(8));
                b.line(
                        "S" + i,
                        LineMode.SEA,
                        0,
                        o,
                        usSea.get(r.nextInt(6)),
                        euSea.get(r.nextInt(6)),
                        d,
                        rld,
                        ald,
                        Math.min(ead, rdd),
                        rdd,
                        CargoClass.NAT,
                        40 + r.nextInt(300),
                        CargoClass.OVERSIZE,
                        20 + r.nextInt(200));
            } else {
                int ead = ald + 1;
                int rdd = Math.min(59, ead + 1 + r.nextInt(6));
                b.line(
                        "A" + i,
                        LineMode.AIR,
                        r.nextInt(60),
                        o,
                        usAir.get(r.nextInt(12)),
                        euAir.get(r.nextInt(10)),
                        d,
                        rld,
                        ald,
                        Math.min(ead, rdd),
                        rdd,
                        CargoClass.BULK,
                        r.nextInt(30) + 0.5,
                        CargoClass.OUTSIZE,
                        r.nextInt(4) == 0 ? r.nextInt(40) : 0);
            }
        }
        return b.build();
    }
}
