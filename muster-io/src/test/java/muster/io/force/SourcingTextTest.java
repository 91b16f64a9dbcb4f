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
    void aSlotWithAUnitRefusedForAnotherReasonSaysNoUnitFits() {
        Unfilled u =
                new Unfilled(
                        "ABCT",
                        2,
                        27000,
                        List.of(
                                new Rejection("U1", Reason.TAKEN, "fills ABCT#1"),
                                new Rejection("U2", Reason.NATION_RULE, "nation US")));
        assertThat(render(u)).contains("EMPTY   no unit fits (cost 27000)");
        Unfilled none = new Unfilled("ABCT", 3, 27000, List.of());
        assertThat(render(none)).contains("EMPTY   no unit fits");
    }
}
