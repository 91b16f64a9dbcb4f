package muster.io.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import muster.engine.sourcing.Reason;
import muster.engine.sourcing.Rejection;
import muster.engine.sourcing.SourcingResult;
import muster.engine.sourcing.Unfilled;
import org.junit.jupiter.api.Test;

/** The heading of an empty slot says why it is empty: no unit fits, or every fit is taken. */
class SourcingTextTest {
    private static String render(Unfilled u) {
        SourcingResult r = new SourcingResult(List.of(), List.of(), List.of(u), List.of(), null, 0);
        return SourcingText.render(r, null, false);
    }

    @Test
    void aSlotWhoseEveryFittingUnitFillsAnotherSlotSaysSo() {
        Unfilled u =
                new Unfilled(
                        "ABCT",
                        2,
                        27000,
                        List.of(
                                new Rejection("U1", Reason.TAKEN, "fills ABCT#1"),
                                new Rejection("U9", Reason.WRONG_CAPABILITY, "an IBCT")));
        assertThat(render(u))
                .contains("ABCT#2           EMPTY   every unit that fits fills another slot")
                .doesNotContain("no unit fits");
    }

    @Test
    void aSlotWithAFittingUnitTakenAndOthersRefusedSaysTheFittingOneIsTaken() {
        Unfilled u =
                new Unfilled(
                        "ABCT",
                        2,
                        27000,
                        List.of(
                                new Rejection("U1", Reason.TAKEN, "fills ABCT#1"),
                                new Rejection("U2", Reason.NATION_RULE, "nation US")));
        // U1 fits: the slot is short of units, and "no unit fits" would be untrue
        assertThat(render(u))
                .contains("EMPTY   every unit that fits fills another slot (cost 27000)")
                .doesNotContain("no unit fits");
        Unfilled costly =
                new Unfilled(
                        "ABCT",
                        3,
                        27000,
                        List.of(
                                new Rejection("U1", Reason.TAKEN, "fills ABCT#1"),
                                new Rejection("U3", Reason.TOO_COSTLY, "cost 30100")));
        assertThat(render(costly))
                .contains("EMPTY   no unit that fits costs less than leaving the slot empty");
        Unfilled refused =
                new Unfilled(
                        "ABCT",
                        3,
                        27000,
                        List.of(
                                new Rejection("U2", Reason.NATION_RULE, "nation US"),
                                new Rejection("U9", Reason.WRONG_CAPABILITY, "an IBCT")));
        assertThat(render(refused)).contains("EMPTY   no unit fits (cost 27000)");
        Unfilled none = new Unfilled("ABCT", 3, 27000, List.of());
        assertThat(render(none)).contains("EMPTY   no unit fits");
    }
}
