package muster.engine.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;
import muster.model.force.OrderStatus;
import muster.model.force.UnitStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBookTest {
    static final Instant T0 = Instant.parse("2022-01-24T12:00:00Z");
    static final LocalDate C = LocalDate.of(2022, 2, 3);

    private OrderDesk desk;
    private MemoryOrderLog log;
    private int clock;

    @BeforeEach
    void setUp() {
        log = new MemoryOrderLog();
        desk = new OrderDesk(log);
        clock = 0;
    }

    private Instant now() {
        return T0.plusSeconds(60L * clock++);
    }

    static Order alert(String id, int ntm, String... units) {
        return new Order(
                id, OrderKind.ALERT, List.of(units), "SECDEF", T0, ntm, null, null, null, null);
    }

    static Order deploy(String id, String dest, String... units) {
        return new Order(
                id,
                OrderKind.DEPLOY,
                List.of(units),
                "SECDEF",
                T0,
                null,
                dest,
                C,
                C.plusDays(5),
                null);
    }

    static Order standDown(String id, String... units) {
        return new Order(
                id,
                OrderKind.STAND_DOWN,
                List.of(units),
                "SECDEF",
                T0,
                null,
                null,
                null,
                null,
                null);
    }

    /** The order taking effect at {@code instant} instead of T0. */
    static Order effective(Order o, String instant) {
        return effective(o, Instant.parse(instant));
    }

    /** The order taking effect at {@code effective} instead of T0. */
    static Order effective(Order o, Instant effective) {
        return copy(o, o.authority(), effective, o.readyDate(), o.note());
    }

    /** The order given by {@code authority} instead of SECDEF. */
    static Order authorised(Order o, String authority) {
        return copy(o, authority, o.effective(), o.readyDate(), o.note());
    }

    /** The order with {@code note}. */
    static Order noted(Order o, String note) {
        return copy(o, o.authority(), o.effective(), o.readyDate(), note);
    }

    /** The log's first event: the alert A2 of U1 drafted by {@code user}. */
    private static OrderEvent a2DraftedBy(String user) {
        return new OrderEvent(
                1, OrderEvent.Type.DRAFTED, "A2", user, T0, alert("A2", 96, "U1"), null);
    }

    /** The order with another authority, effective time, ready date and note. */
    private static Order copy(
            Order o, String authority, Instant effective, LocalDate ready, String note) {
        return new Order(
                o.id(),
                o.kind(),
                o.units(),
                authority,
                effective,
                o.noticeToMoveHours(),
                o.destination(),
                o.cDay(),
                ready,
                note);
    }

    private OrderBook issued(Order o) {
        desk.draft(o, "ann", now());
        desk.approve(o.id(), "bob", now());
        return desk.issue(o.id(), "ann", now());
    }

    @Test
    void theDrafterCannotApproveUnderAnotherSpellingOfTheName() {
        desk.draft(alert("A1", 96, "U1"), "ann", now());
        for (String same : new String[] {" ann ", "ANN", "Ann\t"}) {
            assertThatThrownBy(() -> desk.approve("A1", same, now()))
                    .as("'%s'", same)
                    .isInstanceOf(OrderRefused.class)
                    .hasMessageContaining("drafted order A1 (as ann) and cannot approve it");
        }
        assertThat(log.read()).hasSize(1);
        // names are recorded without surrounding spaces
        desk.approve("A1", "  bob ", now());
        assertThat(log.read().get(1).user()).isEqualTo("bob");
    }

    /**
     * "Zoë" typed as one letter or as "e" and a combining diaeresis is one name: the drafter was
     * let approve under the other, and 'orders list' showed her as drafter and approver both.
     */
    @Test
    void theDrafterCannotApproveUnderAnotherCompositionOfTheLetters() {
        String composed = "Zo\u00eb";
        String decomposed = "Zoe\u0308";
        desk.draft(alert("A1", 96, "U1"), decomposed, now());
        // recorded with its letters composed, as the same name typed the other way
        assertThat(log.read().get(0).user()).isEqualTo(composed);
        for (String same : new String[] {composed, decomposed, "ZOE\u0308", "\uff3aoë"}) {
            assertThatThrownBy(() -> desk.approve("A1", same, now()))
                    .as("'%s'", same)
                    .isInstanceOf(OrderRefused.class)
                    .hasMessageContaining("cannot approve it");
        }
        assertThat(log.read()).hasSize(1);
        // a log written before names were composed is compared the same way
        OrderBook old = OrderBook.replay(List.of(a2DraftedBy(decomposed)));
        OrderEvent approval =
                new OrderEvent(2, OrderEvent.Type.APPROVED, "A2", composed, T0, null, null);
        assertThatThrownBy(() -> old.checkNew(approval))
                .isInstanceOf(OrderRefused.class)
                .hasMessageContaining("cannot approve it");
        assertThat(desk.approve("A1", "Zoe", now()).order("A1").approvedBy()).isEqualTo("Zoe");
    }

    @Test
    void anOrderCannotTakeEffectForAUnitBeforeTheOrderThatGaveItsStatus() {
        Order alertFeb = effective(alert("A1", 96, "U1", "U2"), "2022-02-01T00:00:00Z");
        issued(alertFeb);
        Order standDownJan = effective(standDown("S1", "U2"), "2022-01-10T00:00:00Z");
        assertThatThrownBy(() -> desk.draft(standDownJan, "ann", now()))
                .isInstanceOf(OrderRefused.class)
                .hasMessageContaining(
                        "unit U2 is under order A1 from 2022-02-01T00:00:00Z, and this order would"
                                + " take effect before it, at 2022-01-10T00:00:00Z");
        assertThat(log.read()).hasSize(3);
        // the same stand-down from the day of the alert on is taken
        Order standDownFeb = effective(standDown("S2", "U2"), "2022-02-01T00:00:00Z");
        assertThat(issued(standDownFeb).unit("U2").status()).isEqualTo(UnitStatus.STOOD_DOWN);
    }

    @Test
    void aLogWrittenBeforeTheNewCommandChecksStillReads() {
        // drafted by ann, approved by "ANN", and a stand-down effective before the alert: each
        // was taken when written, so a replay keeps reading it
        Order alertFeb = effective(alert("A1", 96, "U1"), "2022-02-01T00:00:00Z");
        Order standDownJan = effective(standDown("S1", "U1"), "2022-01-10T00:00:00Z");
        List<OrderEvent> old =
                List.of(
                        new OrderEvent(1, OrderEvent.Type.DRAFTED, "A1", "ann", T0, alertFeb, null),
                        new OrderEvent(2, OrderEvent.Type.APPROVED, "A1", "ANN", T0, null, null),
                        new OrderEvent(3, OrderEvent.Type.ISSUED, "A1", "bob", T0, null, null),
                        new OrderEvent(
                                4, OrderEvent.Type.DRAFTED, "S1", "ann", T0, standDownJan, null),
                        new OrderEvent(5, OrderEvent.Type.APPROVED, "S1", "bob", T0, null, null),
                        new OrderEvent(6, OrderEvent.Type.ISSUED, "S1", "bob", T0, null, null));
        OrderBook b = OrderBook.replay(old);
        assertThat(b.unit("U1").status()).isEqualTo(UnitStatus.STOOD_DOWN);
        assertThat(b.order("A1").status()).isEqualTo(OrderStatus.ISSUED);
    }

    @Test
    void draftApproveIssueMovesTheOrderThroughItsLifecycle() {
        OrderBook b = desk.draft(alert("A1", 96, "U1"), "ann", now());
        assertThat(b.order("A1").status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(b.unit("U1").status()).isEqualTo(UnitStatus.AVAILABLE);
        b = desk.approve("A1", "bob", now());
        assertThat(b.order("A1").status()).isEqualTo(OrderStatus.APPROVED);
        assertThat(b.order("A1").approvedBy()).isEqualTo("bob");
        assertThat(b.unit("U1").status()).isEqualTo(UnitStatus.AVAILABLE);
        b = desk.issue("A1", "cat", now());
        assertThat(b.order("A1").status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(b.unit("U1").status()).isEqualTo(UnitStatus.ALERTED);
        assertThat(b.unit("U1").noticeToMoveHours()).isEqualTo(96);
        assertThat(log.read()).hasSize(3);
    }

    @Test
    void cancelFromDraftAndFromApproved() {
        desk.draft(alert("A1", 96, "U1"), "ann", now());
        assertThat(desk.cancel("A1", "ann", now(), "superseded").order("A1").status())
                .isEqualTo(OrderStatus.CANCELLED);
        desk.draft(alert("A2", 96, "U1"), "ann", now());
        desk.approve("A2", "bob", now());
        OrderBook b = desk.cancel("A2", "bob", now(), "no longer needed");
        assertThat(b.order("A2").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(b.order("A2").cancelReason()).isEqualTo("no longer needed");
        assertThat(b.unit("U1").status()).isEqualTo(UnitStatus.AVAILABLE);
    }

    /**
     * A cancel cannot be taken back, and the order's history keeps why: one without a reason was
     * recorded with none (the server's cancel without a body, the command line's --reason "").
     */
    @Test
    void aCancelWithoutAReasonIsRefused() {
        desk.draft(alert("A1", 96, "U1"), "ann", now());
        for (String none : new String[] {null, "", "  \t"}) {
            refusedForContent(
                    () -> desk.cancel("A1", "bob", now(), none),
                    "order A1: a cancel needs a reason, which the order's history keeps");
        }
        assertThat(log.read()).hasSize(1);
        assertThat(desk.book().order("A1").status()).isEqualTo(OrderStatus.DRAFT);
        // an issued order is refused for being issued, reason or not
        desk.approve("A1", "bob", now());
        desk.issue("A1", "bob", now());
        refused(() -> desk.cancel("A1", "bob", now(), null), "issue a stand-down instead");
        // a log that holds a cancel without a reason still reads
        OrderBook old =
                OrderBook.replay(
                        List.of(
                                a2DraftedBy("ann"),
                                new OrderEvent(
                                        2,
                                        OrderEvent.Type.CANCELLED,
                                        "A2",
                                        "bob",
                                        T0,
                                        null,
                                        null)));
        assertThat(old.order("A2").status()).isEqualTo(OrderStatus.CANCELLED);
    }

    /**
     * A line break or escape in a name started a row of its own in 'orders list' and the board, or
     * recoloured the terminal; each is refused, named and shown escaped. A note may run over lines.
     */
    @Test
    void refusesAControlCharacterInANameOrText() {
        refusedForContent(
                () -> desk.draft(alert("X\nY", 5, "U1"), "ann", now()),
                "order id 'X\\nY' has a control character (U+000A) at character 2; a name is one"
                        + " line");
        refusedForContent(
                () -> desk.draft(alert("A1", 5, "U1", "U\u001b[31m2"), "ann", now()),
                "order A1: unit 'U\\u001B[31m2' has a control character (U+001B) at character 2");
        refusedForContent(
                () -> desk.draft(alert("A1", 5, "U1"), "ann\nbob", now()),
                "user name 'ann\\nbob' has a control character");
        Order bell =
                noted(authorised(alert("A1", 5, "U1"), "SEC\u0007DEF"), "first line\nsecond\tline");
        refusedForContent(
                () -> desk.draft(bell, "ann", now()), "order A1: authority 'SEC\\u0007DEF'");
        refusedForContent(
                () -> desk.draft(deploy("D1", "EP\rRZ", "U1"), "ann", now()),
                "order D1: destination 'EP\\rRZ'");
        String long61 = "U".repeat(61) + "\u0000";
        refusedForContent(
                () -> desk.draft(alert("A1", 5, long61), "ann", now()),
                "unit '"
                        + "U".repeat(60)
                        + "...' has a control character (U+0000) at character 62");
        assertThat(log.read()).isEmpty();
        // a note over lines, with tabs, is taken; a cancel's reason is text too
        Order multiLine = noted(alert("A1", 5, "U1"), "first line\nsecond\tline");
        desk.draft(multiLine, "ann", now());
        refusedForContent(
                () -> desk.cancel("A1", "bob", now(), "sent \u001b[2J twice"),
                "reason 'sent \\u001B[2J twice' has a control character (U+001B) at character 6;"
                        + " text may run over lines and hold tabs");
        desk.cancel("A1", "bob", now(), "sent twice:\nonce by fax");
        assertThat(log.read()).hasSize(2);
    }

    /**
     * A bidirectional override, embedding or isolate that a name or a line of a note opens and does
     * not close reversed the rest of the line it is shown on ('orders list', the board, the
     * history), so an authority read as another; it is refused and shown escaped. One closed within
     * the text, and the marks, are taken.
     */
    @Test
    void refusesABidiControlLeftOpenInANameOrALineOfText() {
        refusedForContent(
                () -> desk.draft(authorised(alert("A1", 5, "U1"), "SEC\u202EDEF"), "ann", now()),
                "order A1: authority 'SEC\\u202EDEF' holds a bidirectional override (U+202E) at"
                        + " character 4 that is not closed before the end of its line");
        refusedForContent(
                () -> desk.draft(alert("A\u2067X", 5, "U1"), "ann", now()),
                "order id 'A\\u2067X' holds a bidirectional isolate (U+2067) at character 2");
        // each line of a note is a paragraph: an override closed on the next line is open on its
        // own
        Order split = noted(alert("A1", 5, "U1"), "first \u202Eline\nsecond\u202C line");
        refusedForContent(
                () -> desk.draft(split, "ann", now()),
                "order A1: note 'first \\u202Eline\\nsecond\\u202C line' holds a bidirectional"
                        + " override (U+202E) at character 7");
        assertThat(log.read()).isEmpty();
        Order closed =
                noted(
                        authorised(alert("A1", 5, "U1"), "SEC \u2067\u05D0\u05D1\u2069 DEF\u200F"),
                        "first \u202Eline\u202C\nsecond line");
        desk.draft(closed, "ann", now());
        refusedForContent(
                () -> desk.cancel("A1", "bob", now(), "sent \u202Btwice"),
                "reason 'sent \\u202Btwice' holds a bidirectional embedding (U+202B) at character 6");
        assertThat(log.read()).hasSize(1);
    }

    /**
     * A text of more than 10,000 characters, as the server refuses in any field, is refused by the
     * order model too, for the command line: an id of 100,000 was kept in the log and printed whole
     * in every refusal that named the order.
     */
    @Test
    void refusesATextLongerThanTheServerTakes() {
        String most = "A".repeat(10_000);
        String over = most + "B";
        refusedForContent(
                () -> desk.draft(alert(over, 5, "U1"), "ann", now()),
                "order id '" + "A".repeat(60) + "...' is 10,001 characters long; at most 10,000");
        refusedForContent(
                () -> desk.draft(alert("A1", 5, "U1"), over, now()),
                "user name '" + "A".repeat(60) + "...' is 10,001 characters long");
        Order note = noted(alert("A1", 5, "U1"), over);
        refusedForContent(() -> desk.draft(note, "ann", now()), "order A1: note 'AAA");
        assertThat(log.read()).isEmpty();
        desk.draft(alert(most, 5, "U1"), "ann", now());
        refusedForContent(() -> desk.cancel(most, "bob", now(), over), "reason 'AAA");
        assertThat(log.read()).hasSize(1);
    }

    @Test
    void aUnitAsOfADayCountsTheOrdersInEffectByThatDayOnly() {
        java.time.LocalDate day0 = T0.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        issued(alert("A1", 120, "U1"));
        Order later = effective(alert("A2", 24, "U1"), T0.plus(java.time.Duration.ofDays(3)));
        OrderBook b = issued(later);
        UnitRecord u1 = b.unit("U1");
        // before the first alert took effect: available, with no history yet
        UnitRecord before = u1.asOf(day0.minusDays(1));
        assertThat(before.status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(before.history()).isEmpty();
        // the second alert is issued already, but takes effect on day 3
        UnitRecord first = u1.asOf(day0.plusDays(2));
        assertThat(first.status()).isEqualTo(UnitStatus.ALERTED);
        assertThat(first.noticeToMoveHours()).isEqualTo(120);
        assertThat(first.orderId()).isEqualTo("A1");
        UnitRecord second = u1.asOf(day0.plusDays(3));
        assertThat(second.noticeToMoveHours()).isEqualTo(24);
        assertThat(second.orderId()).isEqualTo("A2");
        assertThat(second.history()).hasSize(2);
        // a deployment counts as deployed from its ready date on
        UnitRecord d = issued(deploy("D1", "EPRZ", "U2")).unit("U2");
        assertThat(d.asOf(C.plusDays(4)).status()).isEqualTo(UnitStatus.DEPLOYING);
        assertThat(d.asOf(C.plusDays(5)).status()).isEqualTo(UnitStatus.DEPLOYED);
        assertThat(d.asOf(C.plusDays(5)).destination()).isEqualTo("EPRZ");
    }

    /**
     * What a unit's phases say of its last order is what the board shows day by day from when the
     * order takes effect: on each day, the status of the last phase begun by then.
     */
    @Test
    void aUnitsPhasesAreTheStatusesTheBoardGivesItDayByDay() {
        List<Order> orders =
                List.of(
                        effective(alert("A1", 96, "U1"), "2022-01-22T06:00:00Z"),
                        effective(deploy("D1", "EPRZ", "U1"), "2022-01-24T12:00:00Z"),
                        effective(standDown("S1", "U1"), "2022-02-12T00:00:00Z"),
                        // ready on the day it takes effect: DEPLOYED from then, never DEPLOYING
                        ready(
                                effective(deploy("D2", "LRCK", "U1"), "2022-02-15T18:00:00Z"),
                                LocalDate.of(2022, 2, 15)));
        List<String> said = new ArrayList<>();
        for (Order o : orders) {
            UnitRecord u = issued(o).unit("U1");
            List<UnitRecord.Phase> phases = u.phases();
            said.add(
                    o.id() + ": " + phases.stream().map(p -> p.status() + " " + p.from()).toList());
            for (LocalDate d = utcDay(o.effective());
                    d.isBefore(LocalDate.of(2022, 3, 1));
                    d = d.plusDays(1)) {
                LocalDate day = d;
                UnitStatus begun =
                        phases.stream()
                                .filter(p -> !utcDay(p.from()).isAfter(day))
                                .map(UnitRecord.Phase::status)
                                .reduce((a, b) -> b)
                                .orElseThrow();
                assertThat(u.asOf(day).status()).as(o.id() + " on " + day).isEqualTo(begun);
            }
        }
        assertThat(said)
                .containsExactly(
                        "A1: [ALERTED 2022-01-22T06:00:00Z]",
                        "D1: [DEPLOYING 2022-01-24T12:00:00Z, DEPLOYED 2022-02-08T00:00:00Z]",
                        "S1: [STOOD_DOWN 2022-02-12T00:00:00Z]",
                        "D2: [DEPLOYED 2022-02-15T18:00:00Z]");
        assertThat(UnitRecord.available("U9").phases()).isEmpty();
    }

    /** A unit's history says what status each order moved it from as the board showed it. */
    @Test
    void aStandDownAfterTheReadyDateIsFromDeployed() {
        issued(deploy("D1", "EPRZ", "U1", "U2"));
        issued(effective(standDown("S1", "U1"), "2022-02-07T12:00:00Z"));
        UnitRecord u2 = issued(effective(standDown("S2", "U2"), "2022-02-20T00:00:00Z")).unit("U2");
        assertThat(u2.asOf(LocalDate.of(2022, 2, 19)).status()).isEqualTo(UnitStatus.DEPLOYED);
        assertThat(desk.book().unit("U1").history())
                .extracting(h -> h.from() + ">" + h.to())
                .containsExactly("AVAILABLE>DEPLOYING", "DEPLOYING>STOOD_DOWN");
        assertThat(u2.history())
                .extracting(h -> h.from() + ">" + h.to())
                .containsExactly("AVAILABLE>DEPLOYING", "DEPLOYED>STOOD_DOWN");
    }

    @Test
    void unitStatusTransitions() {
        issued(alert("A1", 120, "U1", "U2"));
        assertThat(desk.book().unit("U1").status()).isEqualTo(UnitStatus.ALERTED);
        // re-alert tightens the notice
        issued(alert("A2", 24, "U1"));
        assertThat(desk.book().unit("U1").noticeToMoveHours()).isEqualTo(24);
        OrderBook b = issued(deploy("D1", "EPRZ", "U1"));
        UnitRecord u1 = b.unit("U1");
        assertThat(u1.status()).isEqualTo(UnitStatus.DEPLOYING);
        assertThat(u1.statusOn(C.plusDays(4))).isEqualTo(UnitStatus.DEPLOYING);
        assertThat(u1.statusOn(C.plusDays(5))).isEqualTo(UnitStatus.DEPLOYED);
        b = issued(standDown("S1", "U1", "U2"));
        assertThat(b.unit("U1").status()).isEqualTo(UnitStatus.STOOD_DOWN);
        assertThat(b.unit("U2").status()).isEqualTo(UnitStatus.STOOD_DOWN);
        // stood down, then alerted again; deploy straight from available
        b = issued(alert("A3", 48, "U2"));
        assertThat(b.unit("U2").status()).isEqualTo(UnitStatus.ALERTED);
        b = issued(deploy("D2", "LRCK", "U3"));
        assertThat(b.unit("U3").status()).isEqualTo(UnitStatus.DEPLOYING);
        assertThat(b.unit("U1").history())
                .extracting(h -> h.from() + ">" + h.to())
                .containsExactly(
                        "AVAILABLE>ALERTED",
                        "ALERTED>ALERTED",
                        "ALERTED>DEPLOYING",
                        "DEPLOYING>STOOD_DOWN");
    }

    private static LocalDate utcDay(Instant t) {
        return t.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** Refused as contradicting the log or the lifecycle; nothing recorded. */
    private void refused(Runnable r, String fragment) {
        refused(r, fragment, false);
    }

    /** Refused for the order's own content, whatever the log holds; nothing recorded. */
    private void refusedForContent(Runnable r, String fragment) {
        refused(r, fragment, true);
    }

    private void refused(Runnable r, String fragment, boolean content) {
        int before = log.read().size();
        assertThatThrownBy(r::run)
                .isInstanceOf(OrderRefused.class)
                .hasMessageContaining(fragment)
                .satisfies(
                        e ->
                                assertThat(((OrderRefused) e).content())
                                        .as("refused for the order's own content")
                                        .isEqualTo(content));
        assertThat(log.read()).as("a refused command records nothing").hasSize(before);
    }

    @Test
    void refusesApprovingOwnDraft() {
        desk.draft(alert("A1", 96, "U1"), "ann", now());
        refused(() -> desk.approve("A1", "ann", now()), "cannot approve it");
    }

    @Test
    void refusesIssuingAnUnapprovedOrder() {
        desk.draft(alert("A1", 96, "U1"), "ann", now());
        refused(() -> desk.issue("A1", "bob", now()), "must be approved before it is issued");
    }

    @Test
    void refusesLifecycleStepsOutOfOrder() {
        issued(alert("A1", 96, "U1"));
        refused(() -> desk.issue("A1", "bob", now()), "only an APPROVED order can be issued");
        refused(() -> desk.approve("A1", "bob", now()), "only a DRAFT can be approved");
        refused(() -> desk.cancel("A1", "bob", now(), "x"), "issue a stand-down instead");
        desk.draft(alert("A2", 96, "U2"), "ann", now());
        desk.cancel("A2", "ann", now(), "x");
        refused(() -> desk.cancel("A2", "ann", now(), "x"), "already cancelled");
        refused(() -> desk.approve("A2", "bob", now()), "only a DRAFT can be approved");
        refused(() -> desk.issue("A2", "bob", now()), "only an APPROVED order can be issued");
        refused(() -> desk.approve("NOPE", "bob", now()), "no order NOPE");
        refused(() -> desk.draft(alert("A1", 96, "U9"), "ann", now()), "already exists");
        refused(() -> desk.approve("A2", " ", now()), "user name is required");
    }

    /** What a refused cancel of an issued order offers instead is taken. */
    @Test
    void aRefusedCancelOfAnIssuedStandDownOffersWhatUndoesIt() {
        issued(alert("A1", 96, "U1"));
        issued(standDown("S1", "U1"));
        refused(
                () -> desk.cancel("S1", "bob", now(), "sent in error"),
                "order S1 is already issued and cannot be cancelled; its units stay stood down"
                        + " until a later alert or deployment order names them");
        // a stand-down would be refused, and an alert is taken
        refused(() -> desk.draft(standDown("S2", "U1"), "ann", now()), "already stood down");
        assertThat(issued(alert("A2", 96, "U1")).unit("U1").status()).isEqualTo(UnitStatus.ALERTED);
    }

    /**
     * A refused cancel of an issued alert or deployment order offers a stand-down only of the units
     * still under it: one stood down since by another order is named with that order, as a second
     * stand-down is refused, and one under a later order with that order.
     */
    @Test
    void aRefusedCancelOfAnIssuedAlertOffersWhatFitsEachUnit() {
        issued(alert("A1", 96, "U1", "U2", "U3"));
        issued(effective(standDown("S1", "U1"), "2022-02-01T00:00:00Z"));
        issued(deploy("D1", "EPRZ", "U3"));
        refused(
                () -> desk.cancel("A1", "bob", now(), "sent in error"),
                "order A1 is already issued and cannot be cancelled; issue a stand-down of U2"
                        + " instead; U1 is stood down by order S1 from 2022-02-01T00:00:00Z and"
                        + " stays so until a later alert or deployment order names it; U3 is under"
                        + " the later order D1 from 2022-01-24T12:00:00Z, which a stand-down of it"
                        + " would end too");
        // what it offers is taken, and the stand-down it does not offer is refused
        refused(
                () ->
                        desk.draft(
                                effective(standDown("S2", "U1"), "2022-02-01T00:00:00Z"),
                                "ann",
                                now()),
                "unit U1 was already stood down by order S1");
        OrderBook after = issued(effective(standDown("S3", "U2", "U3"), "2022-02-01T00:00:00Z"));
        assertThat(after.unit("U2").status()).isEqualTo(UnitStatus.STOOD_DOWN);
        assertThat(after.unit("U3").status()).isEqualTo(UnitStatus.STOOD_DOWN);
        // with every unit stood down since, no stand-down is offered
        refused(
                () -> desk.cancel("A1", "bob", now(), "sent in error"),
                "order A1 is already issued and cannot be cancelled; U1 is stood down by order S1");
        assertThatThrownBy(() -> desk.cancel("A1", "bob", now(), "sent in error"))
                .hasMessageContaining("U2, U3 are stood down by order S3")
                .hasMessageNotContaining("issue a stand-down");
        issued(alert("A2", 48, "U4", "U5"));
        issued(standDown("S4", "U4", "U5"));
        refused(
                () -> desk.cancel("A2", "bob", now(), "sent in error"),
                "order A2 is already issued and cannot be cancelled; its units are stood down by"
                        + " order S4 from 2022-01-24T12:00:00Z and stay so until a later alert or"
                        + " deployment order names them");
        issued(deploy("D2", "EPRZ", "U6"));
        issued(standDown("S5", "U6"));
        refused(
                () -> desk.cancel("D2", "bob", now(), "sent in error"),
                "order D2 is already issued and cannot be cancelled; U6 is stood down by order S5");
    }

    @Test
    void refusesAnOrderIdOrUnitWithSpacesAroundIt() {
        refusedForContent(
                () -> desk.draft(alert(" E3 ", 96, "U1"), "ann", now()),
                "order id ' E3 ' has spaces around it; give it as 'E3'");
        refusedForContent(
                () -> desk.draft(alert("E3", 96, "U1", " U2"), "ann", now()),
                "names unit ' U2' with spaces around it");
        desk.draft(alert("E3", 96, "U1"), "ann", now());
        desk.approve("E3", "bob", now());
        assertThat(desk.book().order("E3").status()).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void refusesAnAlertWithANoticeToMoveOfMoreThanAYear() {
        refusedForContent(
                () -> desk.draft(alert("N1", 2_000_000_000, "U1"), "ann", now()),
                "alert N1 gives a notice to move of 2,000,000,000 h, more than a year (8,760 h)");
        desk.draft(alert("N2", 8_760, "U1"), "ann", now());
        assertThat(desk.book().order("N2").order().noticeToMoveHours()).isEqualTo(8_760);
    }

    /** The order with ready date {@code ready} instead of its own. */
    static Order ready(Order o, LocalDate ready) {
        return copy(o, o.authority(), o.effective(), ready, o.note());
    }

    @Test
    void refusesADeploymentReadyBeforeTheDayItTakesEffect() {
        // ready 9 February, effective 1 March: the board would show the unit AVAILABLE, then
        // DEPLOYED, never DEPLOYING
        Order late =
                ready(
                        effective(deploy("D1", "EPRZ", "U1"), "2022-03-01T00:00:00Z"),
                        LocalDate.of(2022, 2, 9));
        refusedForContent(
                () -> desk.draft(late, "ann", now()),
                "deployment order D1: ready date 2022-02-09 is before 2022-03-01, the day it takes"
                        + " effect (effective 2022-03-01T00:00:00Z), so its units would be required"
                        + " at EPRZ before the order sends them; give a ready date on or after"
                        + " 2022-03-01 or an earlier effective time");
        // the day before it takes effect is refused; the day it takes effect is taken, and the
        // unit is DEPLOYED from then, as the board shows it
        Order evening = effective(deploy("D2", "EPRZ", "U1"), "2022-03-01T18:00:00Z");
        refusedForContent(
                () -> desk.draft(ready(evening, LocalDate.of(2022, 2, 28)), "ann", now()),
                "ready date 2022-02-28 is before 2022-03-01");
        UnitRecord u1 = issued(ready(evening, LocalDate.of(2022, 3, 1))).unit("U1");
        assertThat(u1.asOf(LocalDate.of(2022, 2, 28)).status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(u1.asOf(LocalDate.of(2022, 3, 1)).status()).isEqualTo(UnitStatus.DEPLOYED);
    }

    @Test
    void aLogHoldingADeploymentReadyBeforeItTakesEffectStillReadsButItsDraftIsNotIssued() {
        Order issuedLate =
                ready(
                        effective(deploy("D1", "EPRZ", "U1"), "2022-03-01T00:00:00Z"),
                        LocalDate.of(2022, 2, 9));
        Order approvedLate =
                ready(
                        effective(deploy("D2", "EPRZ", "U2"), "2022-03-01T00:00:00Z"),
                        LocalDate.of(2022, 2, 9));
        for (OrderEvent e :
                List.of(
                        new OrderEvent(
                                1, OrderEvent.Type.DRAFTED, "D1", "ann", T0, issuedLate, null),
                        new OrderEvent(2, OrderEvent.Type.APPROVED, "D1", "bob", T0, null, null),
                        new OrderEvent(3, OrderEvent.Type.ISSUED, "D1", "bob", T0, null, null),
                        new OrderEvent(
                                4, OrderEvent.Type.DRAFTED, "D2", "ann", T0, approvedLate, null),
                        new OrderEvent(5, OrderEvent.Type.APPROVED, "D2", "bob", T0, null, null))) {
            log.append(e);
        }
        OrderBook b = desk.book();
        assertThat(b.order("D1").status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(b.unit("U1").asOf(LocalDate.of(2022, 3, 1)).status())
                .isEqualTo(UnitStatus.DEPLOYED);
        refusedForContent(
                () -> desk.issue("D2", "bob", now()),
                "ready date 2022-02-09 is before 2022-03-01, the day it takes effect (effective"
                        + " 2022-03-01T00:00:00Z), so its units would be required at EPRZ before"
                        + " the order sends them; cancel it and draft it again with a ready date on"
                        + " or after 2022-03-01");
        assertThat(desk.cancel("D2", "ann", now(), "ready before effective").order("D2").status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void refusesOrdersWithMissingContent() {
        refusedForContent(() -> desk.draft(alert("X1", 96), "ann", now()), "names no units");
        refusedForContent(() -> desk.draft(alert("X2", 96, "U1", "U1"), "ann", now()), "twice");
        refusedForContent(
                () ->
                        desk.draft(
                                new Order(
                                        "X3",
                                        OrderKind.ALERT,
                                        List.of("U1"),
                                        "SECDEF",
                                        T0,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                "ann",
                                now()),
                "notice to move");
        refusedForContent(
                () ->
                        desk.draft(
                                new Order(
                                        "X4",
                                        OrderKind.DEPLOY,
                                        List.of("U1"),
                                        "SECDEF",
                                        T0,
                                        null,
                                        null,
                                        C,
                                        C,
                                        null),
                                "ann",
                                now()),
                "names no destination");
        refusedForContent(
                () ->
                        desk.draft(
                                new Order(
                                        "X5",
                                        OrderKind.DEPLOY,
                                        List.of("U1"),
                                        "SECDEF",
                                        T0,
                                        null,
                                        "EPRZ",
                                        C,
                                        C.minusDays(1),
                                        null),
                                "ann",
                                now()),
                "before C-day");
        refusedForContent(
                () ->
                        desk.draft(
                                new Order(
                                        "X6",
                                        OrderKind.STAND_DOWN,
                                        List.of("U1"),
                                        " ",
                                        T0,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                "ann",
                                now()),
                "no issuing authority");
    }

    @Test
    void refusesDeployingAUnitAlreadyDeployed() {
        issued(deploy("D1", "EPRZ", "U1"));
        refused(
                () -> desk.draft(deploy("D2", "LRCK", "U1", "U2"), "ann", now()),
                "already deploying to EPRZ under order D1");
        refused(() -> desk.draft(alert("A9", 24, "U1"), "ann", now()), "already deploying");
        // from its ready date (8 February) on, the board shows it DEPLOYED, and so does a refusal
        refused(
                () ->
                        desk.draft(
                                effective(alert("A10", 24, "U1"), "2022-02-20T00:00:00Z"),
                                "ann",
                                now()),
                "ALERT order A10 refused: unit U1 is already deployed at EPRZ (from its ready date"
                        + " 2022-02-08) under order D1");
        refused(
                () ->
                        desk.draft(
                                effective(deploy("D3", "LRCK", "U1"), "2022-02-08T00:00:00Z"),
                                "ann",
                                now()),
                "unit U1 is already deployed at EPRZ (from its ready date 2022-02-08) under order"
                        + " D1");
    }

    @Test
    void refusesAtIssueWhenTheLogChangedSinceTheDraft() {
        desk.draft(deploy("D1", "EPRZ", "U1"), "ann", now());
        desk.approve("D1", "bob", now());
        issued(deploy("D2", "LRCK", "U1"));
        refused(() -> desk.issue("D1", "ann", now()), "already deploying to LRCK under order D2");
    }

    @Test
    void refusesStandingDownAUnitNeverAlertedOrAlreadyStoodDown() {
        refused(() -> desk.draft(standDown("S1", "U1"), "ann", now()), "never alerted");
        issued(alert("A1", 96, "U1"));
        issued(standDown("S2", "U1"));
        refused(
                () -> desk.draft(standDown("S3", "U1"), "ann", now()),
                "already stood down by order S2");
    }

    @Test
    void refusesEventsOutOfSequenceOnReplay() {
        OrderEvent e =
                new OrderEvent(
                        2, OrderEvent.Type.DRAFTED, "A1", "ann", T0, alert("A1", 9, "U1"), null);
        assertThatThrownBy(() -> OrderBook.replay(List.of(e)))
                .isInstanceOf(OrderRefused.class)
                .hasMessageContaining("event 2 of the log");
    }
}
