package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import muster.server.TestServer.Client;
import muster.server.TestServer.Response;
import org.junit.jupiter.api.Test;

/**
 * The web UI in headless Chromium: a planner signs in, imports and plans the bundled scenario and
 * drafts an order; a second user approves and issues it. Screenshots go to target/screenshots.
 */
class WebUiIT {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final Path BUNDLED = Path.of("..", "scenarios", "eastern-flank-2022.yaml");

    @Test
    void signInRunTheBundledPlanAndApproveAnOrderAsASecondUser() throws Exception {
        Client planner = TestServer.user("ui_planner", "USA", Role.PLANNER);
        Response imp =
                planner.postText(
                        "/api/scenarios?file=eastern-flank-2022.yaml&marking="
                                + URLEncoder.encode("REL NATO", StandardCharsets.UTF_8),
                        Files.readString(BUNDLED));
        assertThat(imp.status()).as(imp.body()).isEqualTo(201);
        long scenario = ((Number) imp.map().get("id")).longValue();
        long catalogue = storeBundledCatalogue(planner);

        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            // the administrator creates the approver on the Users page
            b.waitFor("document.getElementById('username')", Duration.ofSeconds(10));
            b.eval(
                    "document.getElementById('username').value = 'admin';"
                            + " document.getElementById('password').value = '"
                            + TestServer.ADMIN_PASSWORD
                            + "'; document.getElementById('signin').click(); true");
            b.waitFor("!document.getElementById('nav-users').hidden", Duration.ofSeconds(10));
            b.eval("location.hash = '#users'; true");
            b.waitFor("document.getElementById('new-username')", Duration.ofSeconds(10));
            b.eval(
                    "document.getElementById('new-username').value = 'ui_approver';"
                            + " document.getElementById('new-password').value = 'password-of-ui_approver';"
                            + " document.querySelector('.new-role[value=APPROVER]').checked = true;"
                            + " document.getElementById('create-user').click(); true");
            b.waitFor(
                    "document.querySelector('main').innerText.includes('ui_approver')",
                    Duration.ofSeconds(10));
            b.screenshot(SHOTS.resolve("00-users.png"));
            b.eval("document.getElementById('signout').click(); true");
            signIn(b, "ui_planner");
            b.waitFor(
                    "document.querySelector('button.run-plan[data-scenario=\"" + scenario + "\"]')",
                    Duration.ofSeconds(20));
            b.screenshot(SHOTS.resolve("01-scenarios.png"));

            // faults shown against the line: validate a scenario with a bad node id
            String bad = Files.readString(BUNDLED).replaceFirst("poe: (\\w+)", "poe: NOSUCH");
            b.eval(
                    "(() => { const dt = new DataTransfer(); dt.items.add(new File(["
                            + Json.write(bad)
                            + "], 'bad.yaml')); document.getElementById('scenario-file').files = dt.files;"
                            + " document.getElementById('validate').click(); return true; })()");
            b.waitFor(
                    "document.querySelector('#fault-source .fault-line')", Duration.ofSeconds(30));
            String faultText =
                    b.eval("document.getElementById('import-result').innerText").asText();
            assertThat(faultText).contains("NOSUCH").contains("Refused");
            b.eval(
                    "document.querySelector('#fault-source .fault-line').scrollIntoView({block:'center'}); true");
            b.screenshot(SHOTS.resolve("02-validation-faults.png"));

            // sourcing results with their reasons, from the bundled requirements and catalogue
            b.eval("location.hash = '#sourcing'; true");
            b.waitFor(
                    "document.getElementById('source-req') &&"
                            + " document.getElementById('source-req').value.length > 0",
                    Duration.ofSeconds(10));
            // a stored catalogue is offered first (other tests of this class store theirs too),
            // this one among them; the run is stored and listed
            assertThat(b.eval("document.getElementById('source-cat-id').value").asText())
                    .isNotEmpty();
            assertThat(
                            b.eval(
                                            "[...document.getElementById('source-cat-id').options]"
                                                    + ".some(o => o.value === '"
                                                    + catalogue
                                                    + "')")
                                    .asBoolean())
                    .isTrue();
            b.eval(
                    "document.getElementById('source-cat-id').value = '"
                            + catalogue
                            + "'; document.getElementById('source-network').value = '"
                            + scenario
                            + "'; document.getElementById('source-run').click(); true");
            b.waitFor("document.getElementById('source-report')", Duration.ofMinutes(2));
            assertThat(b.eval("document.querySelectorAll('#source-out table tr').length").asInt())
                    .isGreaterThan(1);
            b.screenshot(SHOTS.resolve("02b-sourcing.png"));
            b.waitFor("document.querySelector('button.open-run')", Duration.ofSeconds(10));
            b.eval(
                    "document.getElementById('source-out').replaceChildren();"
                            + " document.querySelector('button.open-run').click(); true");
            b.waitFor("document.querySelector('#source-result h3')", Duration.ofSeconds(10));
            assertThat(b.eval("document.querySelector('#source-result h3').textContent").asText())
                    .startsWith("Sourcing run");
            assertThat(
                            b.eval(
                                            "[...document.querySelectorAll('#source-result td')]"
                                                    + ".filter(td => td.textContent.startsWith('cost ')).length")
                                    .asInt())
                    .as("each chosen unit shows why")
                    .isGreaterThan(0);
            b.screenshot(SHOTS.resolve("02c-stored-sourcing-run.png"));
            b.eval("location.hash = '#scenarios'; true");
            b.waitFor(
                    "document.querySelector('button.run-plan[data-scenario=\"" + scenario + "\"]')",
                    Duration.ofSeconds(20));
            b.eval(
                    "document.querySelector('button.run-plan[data-scenario=\""
                            + scenario
                            + "\"]').click(); true");
            b.waitFor("location.hash === '#plans'", Duration.ofSeconds(10));
            List<Map<String, Object>> plans = planner.get("/api/plans").list();
            long plan =
                    plans.stream()
                            .filter(p -> ((Number) p.get("scenario")).longValue() == scenario)
                            .mapToLong(p -> ((Number) p.get("id")).longValue())
                            .max()
                            .orElseThrow();
            b.waitFor("document.getElementById('progress-" + plan + "')", Duration.ofSeconds(10));
            b.screenshot(SHOTS.resolve("03-plan-progress.png"));
            b.waitFor(
                    "document.getElementById('status-"
                            + plan
                            + "') && document.getElementById('status-"
                            + plan
                            + "').textContent === 'DONE'",
                    Duration.ofMinutes(5));
            b.waitFor("document.querySelector('a.open-plan')", Duration.ofSeconds(10));

            b.eval("location.hash = '#plan/" + plan + "'; true");
            b.waitFor(
                    "document.querySelector('#closure-chart svg') && document.querySelector('#flow-svg line')"
                            + " && document.querySelector('#missions table')",
                    Duration.ofSeconds(30));
            String closure = b.eval("document.querySelector('.closure-day').textContent").asText();
            Map<String, Object> measures =
                    (Map<String, Object>) planner.get("/api/plans/" + plan).map().get("measures");
            assertThat(closure).isEqualTo("C+" + measures.get("closureDay"));
            Thread.sleep(1500); // let the charts finish their entry animation
            // every chart names its day axis in full and every figure it draws can be read: no
            // text cut at the chart's edge or drawn over another (the day axis' name was cut to
            // 'd', and the load scale's 0 and 1 lay over the day labels)
            assertThat(chartTextFaults(b)).isEmpty();
            for (String c : List.of("closure-chart", "missions-chart", "load-chart")) {
                assertThat(chartTexts(b, c)).as(c).contains("day");
            }
            // the load scale gives its ends in figures, 1.2 (times the capacity) at the top
            assertThat(chartTexts(b, "load-chart")).contains("0.0", "1.2");
            b.screenshot(SHOTS.resolve("04-plan-view.png"));

            b.eval("location.hash = '#orders'; true");
            b.waitFor("document.getElementById('order-units')", Duration.ofSeconds(10));
            // the form shows each kind's own fields only
            String shown =
                    "['order-notice', 'order-destination', 'order-cday', 'order-ready']"
                            + ".filter(id => document.getElementById(id).offsetParent !== null)"
                            + ".join(',')";
            assertThat(b.eval(shown).asText()).isEqualTo("order-notice");
            b.eval(
                    "document.getElementById('order-kind').value = 'DEPLOY';"
                            + " document.getElementById('order-kind').dispatchEvent(new Event('change'));"
                            + " true");
            assertThat(b.eval(shown).asText())
                    .isEqualTo("order-destination,order-cday,order-ready");
            b.eval(
                    "document.getElementById('order-kind').value = 'ALERT';"
                            + " document.getElementById('order-kind').dispatchEvent(new Event('change'));"
                            + " true");
            assertThat(b.eval(shown).asText()).isEqualTo("order-notice");
            b.eval(
                    "document.getElementById('order-units').value = 'WAB2AA';"
                            + " document.getElementById('order-note').value = 'alert for EPRZ';"
                            + " document.getElementById('draft').click(); true");
            b.waitFor(
                    "document.querySelector('#order-list table') && document.querySelector('#order-list').innerText.includes('WAB2AA')",
                    Duration.ofSeconds(10));
            String orderId =
                    b.eval(
                                    "[...document.querySelectorAll('#order-list td')].find(td => td.textContent.startsWith('USA-ORD-')).textContent")
                            .asText();
            assertThat(
                            b.eval(
                                            "!!document.querySelector('button.order-approve[data-order=\""
                                                    + orderId
                                                    + "\"]')")
                                    .asBoolean())
                    .as("the drafter is offered no approval")
                    .isFalse();
            b.screenshot(SHOTS.resolve("05-order-drafted.png"));
            b.eval("document.getElementById('signout').click(); true");
            b.waitFor("document.getElementById('login')", Duration.ofSeconds(10));

            signIn(b, "ui_approver");
            b.eval("location.hash = '#orders'; true");
            String approve = "button.order-approve[data-order=\"" + orderId + "\"]";
            b.waitFor(
                    "document.querySelector('" + approve.replace("'", "\\'") + "')",
                    Duration.ofSeconds(10));
            b.eval("document.querySelector('" + approve.replace("'", "\\'") + "').click(); true");
            b.waitFor(
                    "document.getElementById('order-status-"
                            + orderId
                            + "') && document.getElementById('order-status-"
                            + orderId
                            + "').textContent === 'APPROVED'",
                    Duration.ofSeconds(10));
            b.screenshot(SHOTS.resolve("06-order-approved.png"));
            b.eval(
                    "document.querySelector('button.order-issue[data-order=\""
                            + orderId
                            + "\"]').click(); true");
            b.waitFor(
                    "document.getElementById('order-status-"
                            + orderId
                            + "') && document.getElementById('order-status-"
                            + orderId
                            + "').textContent === 'ISSUED'",
                    Duration.ofSeconds(10));
            b.eval("location.hash = '#readiness'; true");
            b.waitFor(
                    "document.getElementById('readiness').innerText.includes('WAB2AA')",
                    Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('readiness').innerText").asText())
                    .contains("ALERTED");
            b.screenshot(SHOTS.resolve("07-readiness.png"));
        }
        Map<String, Object> order =
                planner.get("/api/orders?size=500").items().stream()
                        .filter(o -> ((List<?>) o.get("units")).contains("WAB2AA"))
                        .findFirst()
                        .orElseThrow();
        assertThat(order.get("draftedBy")).isEqualTo("ui_planner");
        assertThat(order.get("approvedBy")).isEqualTo("ui_approver");
        assertThat(order.get("status")).isEqualTo("ISSUED");
    }

    /**
     * The plan page of a plan with thousands of missions and lines fetches aggregates and one page
     * of each table, and draws one page of rows: what it sends and draws does not grow with the
     * plan.
     */
    @Test
    void thePlanPageOfABigPlanFetchesAndDrawsOnePageAtATime() throws Exception {
        Client planner = TestServer.user("ui_big", "USA", Role.PLANNER);
        long[] big = ServerApiTest.bigPlan(TestServer.get(), Fixtures.me(planner), "ui-big", 3000);
        long plan = big[1];
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_big");
            Map<String, Object> m = PlanViewBench.measurePlanPage(b, plan);
            assertThat(b.eval("document.querySelectorAll('#missions tr').length").asInt())
                    .as("mission rows drawn (50 and the header)")
                    .isEqualTo(51);
            assertThat(b.eval("document.querySelectorAll('#late-lines tr').length").asInt())
                    .isEqualTo(51);
            assertThat(b.eval("document.querySelector('#missions .pager').textContent").asText())
                    .startsWith("3000 rows");
            assertThat(b.eval("document.querySelector('#late-lines .pager').textContent").asText())
                    .startsWith("1000 rows");
            assertThat((Long) m.get("tableRows")).as("%s", m).isLessThanOrEqualTo(102);
            // the whole mission list as JSON would be about 0.6 kB per mission
            assertThat((Long) m.get("apiBytes")).as("%s", m).isLessThan(150_000);
            assertThat((Long) m.get("largestResponse")).as("%s", m).isLessThan(60_000);
            String first = b.eval("document.querySelector('#missions td').textContent").asText();
            PlanViewBench.measurePaging(b);
            assertThat(b.eval("document.querySelectorAll('#missions tr').length").asInt())
                    .isEqualTo(51);
            assertThat(b.eval("document.querySelector('#missions td').textContent").asText())
                    .isNotEqualTo(first);
            b.screenshot(SHOTS.resolve("08-big-plan-view.png"));
        }
    }

    /**
     * An order released to another nation, or read by an observer, offers no approve, issue or
     * cancel: only the owner nation's approvers approve, and its planners and approvers issue and
     * cancel. Before, a Polish planner and an American observer were shown Cancel on an American
     * draft, and a click answered with a refusal.
     */
    @Test
    void orderActionsAreOfferedOnlyToUsersWhoMayTakeThem() throws Exception {
        Client drafter = TestServer.user("ui_act_us", "USA", Role.PLANNER);
        TestServer.user("ui_act_obs", "USA", Role.OBSERVER);
        TestServer.user("ui_act_pl", "POL", Role.PLANNER, Role.APPROVER);
        TestServer.user("ui_act_ap", "USA", Role.APPROVER);
        storeBundledCatalogue(drafter);
        String id =
                draft(
                        drafter,
                        Map.of(
                                "kind",
                                "ALERT",
                                "units",
                                List.of("WAA102"),
                                "noticeToMoveHours",
                                24,
                                "marking",
                                "REL NATO"));
        String actions =
                "[...document.querySelectorAll('#order-list button[data-order=\""
                        + id
                        + "\"]')]"
                        + ".map(x => x.className).join(',')";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            for (String user : List.of("ui_act_pl", "ui_act_obs", "ui_act_ap")) {
                signIn(b, user);
                b.eval("location.hash = '#orders'; true");
                b.waitFor(
                        "document.getElementById('order-list').innerText.includes('" + id + "')",
                        Duration.ofSeconds(10));
                String offered = b.eval(actions).asText();
                if (user.equals("ui_act_ap")) {
                    assertThat(offered).as(user).isEqualTo("order-approve,order-cancel");
                } else {
                    assertThat(offered).as(user).isEmpty();
                }
                b.screenshot(SHOTS.resolve("09-order-actions-" + user + ".png"));
                b.eval("document.getElementById('signout').click(); true");
                b.waitFor("document.getElementById('login')", Duration.ofSeconds(10));
            }
        }
    }

    /**
     * Cancelling an order cannot be taken back: the Cancel button asks for the reason the order's
     * history keeps, and cancels only once it is given and confirmed. Before, one click cancelled
     * the order with no reason and no chance to step back.
     */
    @Test
    void cancellingAnOrderAsksForItsReasonAndConfirmation() throws Exception {
        Client drafter = TestServer.user("ui_cx_us", "USA", Role.PLANNER);
        storeBundledCatalogue(drafter);
        String id =
                draft(
                        drafter,
                        Map.of(
                                "kind",
                                "ALERT",
                                "units",
                                List.of("WAA102"),
                                "noticeToMoveHours",
                                24,
                                "marking",
                                "USA ONLY"));
        String status = "document.getElementById('order-status-" + id + "').textContent";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_cx_us");
            b.eval("location.hash = '#orders'; true");
            String cancel =
                    "document.querySelector('button.order-cancel[data-order=\"" + id + "\"]')";
            b.waitFor(cancel, Duration.ofSeconds(10));
            b.eval(cancel + ".click(); true");
            b.waitFor(
                    "document.getElementById('cancel-reason-" + id + "')", Duration.ofSeconds(10));
            assertThat(b.eval(status).asText()).as("one click cancels nothing").isEqualTo("DRAFT");

            // no reason: refused in the page, the order stays a draft
            String confirm =
                    "document.querySelector('button.order-cancel-confirm[data-order=\""
                            + id
                            + "\"]')";
            b.eval(confirm + ".click(); true");
            b.waitFor(
                    "document.getElementById('order-action-error').textContent.includes('say why')",
                    Duration.ofSeconds(10));
            assertThat(b.eval(status).asText()).isEqualTo("DRAFT");
            assertThat(drafter.get("/api/orders/" + id).map().get("status")).isEqualTo("DRAFT");

            b.eval(
                    "document.getElementById('cancel-reason-"
                            + id
                            + "').value = 'alert raised by the corps instead'; true");
            b.eval(confirm + ".click(); true");
            b.waitFor(
                    "document.getElementById('order-status-"
                            + id
                            + "') && "
                            + status
                            + " === 'CANCELLED'",
                    Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('order-list').innerText").asText())
                    .contains("cancelled by ui_cx_us: alert raised by the corps instead");
            b.screenshot(SHOTS.resolve("10-order-cancelled-with-reason.png"));
        }
        Map<String, Object> order = drafter.get("/api/orders/" + id).map();
        assertThat(order.get("status")).isEqualTo("CANCELLED");
        assertThat(order.get("cancelReason")).isEqualTo("alert raised by the corps instead");
    }

    /**
     * The plan list offers Cancel only to planners of the plan's own nation and shows what the
     * cancel answered; a plan cancelled while its planner ran keeps the plan found so far and opens
     * like a finished one. Before, a Polish planner was offered Cancel on an American plan, a click
     * showed nothing whatever the answer, and a cancelled plan could not be opened.
     */
    @Test
    void aPlanIsCancelledByItsOwnNationAndAStoppedPlanOpens() throws Exception {
        Client us = TestServer.user("ui_pc_us", "USA", Role.PLANNER);
        TestServer.user("ui_pc_pl", "POL", Role.PLANNER);
        User usUser = Fixtures.me(us);
        long stopped = ServerApiTest.bigPlan(TestServer.get(), usUser, "ui-pc-stopped", 20)[1];
        long running = ServerApiTest.bigPlan(TestServer.get(), usUser, "ui-pc-running", 20)[1];
        Jdbc.tx(
                TestServer.get().database(),
                c -> {
                    Jdbc.update(
                            c,
                            "update plan_run set status = 'CANCELLED', phase = 'cancelled',"
                                    + " error = 'cancelled' where id = ?",
                            stopped);
                    Jdbc.update(
                            c,
                            "update plan_run set status = 'RUNNING', progress = 0.4,"
                                    + " phase = 'search', plan_json = null, finished_at = null"
                                    + " where id = ?",
                            running);
                    return null;
                });
        assertThat(us.get("/api/plans/" + stopped).map()).containsEntry("result", true);
        assertThat(us.get("/api/plans/" + running).map()).containsEntry("result", false);
        String cancelOf =
                "document.querySelector('button.plan-cancel[data-plan=\"" + running + "\"]')";
        String openOf = "document.querySelector('a.open-plan[href=\"#plan/" + stopped + "\"]')";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_pc_pl");
            b.eval("location.hash = '#plans'; true");
            b.waitFor("document.getElementById('status-" + running + "')", Duration.ofSeconds(10));
            assertThat(
                            b.eval(
                                            "document.getElementById('status-"
                                                    + running
                                                    + "').closest('tr').querySelectorAll('button').length")
                                    .asInt())
                    .as("a Polish planner is offered no cancel of an American plan")
                    .isZero();
            assertThat(b.eval("!!" + openOf).asBoolean()).as("the stopped plan opens").isTrue();
            b.eval("document.getElementById('signout').click(); true");
            b.waitFor("document.getElementById('login')", Duration.ofSeconds(10));

            signIn(b, "ui_pc_us");
            b.eval("location.hash = '#plans'; true");
            b.waitFor(cancelOf, Duration.ofSeconds(10));
            assertThat(b.eval("!!" + openOf).asBoolean()).isTrue();
            // the fixture's plan has no job to stop: the refusal is shown in words
            b.eval(cancelOf + ".click(); true");
            b.waitFor(
                    "document.getElementById('plan-action-error').textContent.length > 0",
                    Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('plan-action-error').textContent").asText())
                    .startsWith("plan " + running + " is ");
            b.screenshot(SHOTS.resolve("10-plan-cancel-refused.png"));
            b.eval(openOf + ".click(); true");
            b.waitFor("document.querySelector('#missions table')", Duration.ofSeconds(30));
            assertThat(b.eval("document.querySelector('#missions .pager').textContent").asText())
                    .startsWith("20 rows");
        }
    }

    /**
     * The plan list names each plan's scenario and says when the plan started and finished, in UTC.
     * Before, it gave the scenario's id alone and neither time.
     */
    @Test
    void thePlanListNamesTheScenarioAndSaysWhenThePlanRanInUtc() throws Exception {
        Client us = TestServer.user("ui_pl_names", "USA", Role.OBSERVER);
        long plan = ServerApiTest.bigPlan(TestServer.get(), Fixtures.me(us), "ui-pl-named", 5)[1];
        Jdbc.tx(
                TestServer.get().database(),
                c -> {
                    Jdbc.update(
                            c,
                            "update plan_run set started_at = '2030-01-10 06:00:00+00',"
                                    + " finished_at = '2030-01-10 06:07:30+00' where id = ?",
                            plan);
                    return null;
                });
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_pl_names");
            b.eval("location.hash = '#plans'; true");
            String row = "document.getElementById('status-" + plan + "').closest('tr')";
            b.waitFor("document.getElementById('status-" + plan + "')", Duration.ofSeconds(10));
            assertThat(b.eval(row + ".innerText").asText())
                    .contains("ui-pl-named (")
                    .contains("2030-01-10 06:00 UTC")
                    .contains("2030-01-10 06:07 UTC");
            assertThat(b.eval("document.querySelector('main table tr').innerText").asText())
                    .contains("Started")
                    .contains("Finished");
            b.screenshot(SHOTS.resolve("16-plan-list-names-and-times.png"));
        }
    }

    /**
     * The plan page's heading names the plan's scenario, as the plan list does. Before, it said
     * "scenario 12", the scenario's id alone.
     */
    @Test
    void thePlanPageNamesItsScenario() throws Exception {
        Client us = TestServer.user("ui_pp_names", "USA", Role.OBSERVER);
        long[] ids = ServerApiTest.bigPlan(TestServer.get(), Fixtures.me(us), "ui-pp-named", 5);
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_pp_names");
            b.eval("location.hash = '#plan/" + ids[1] + "'; true");
            String heading = "document.querySelector('main h2')";
            b.waitFor(
                    heading + " && document.getElementById('plan-measures')",
                    Duration.ofSeconds(10));
            assertThat(b.eval(heading + ".innerText").asText())
                    .startsWith("Plan " + ids[1] + " · ui-pp-named (" + ids[0] + ") · ")
                    .doesNotContain("scenario " + ids[0]);
            b.screenshot(SHOTS.resolve("18-plan-page-names-its-scenario.png"));
        }
    }

    /**
     * The comparison names each plan it offers and heads its measures with as the plan list names
     * it: its scenario by name and id, its planner and when it finished, in UTC. Before, it said
     * "plan 12", so plans of one scenario and planner could be told apart by id alone.
     */
    @Test
    void theComparisonNamesEachPlanAsThePlanListDoes() throws Exception {
        Client us = TestServer.user("ui_cmp_names", "USA", Role.OBSERVER);
        long[] x = ServerApiTest.bigPlan(TestServer.get(), Fixtures.me(us), "ui-cmp-x", 5);
        long[] y = ServerApiTest.bigPlan(TestServer.get(), Fixtures.me(us), "ui-cmp-y", 5);
        Jdbc.tx(
                TestServer.get().database(),
                c -> {
                    Jdbc.update(
                            c,
                            "update plan_run set finished_at = '2030-01-10 06:07:30+00' where id = ?",
                            x[1]);
                    Jdbc.update(
                            c,
                            "update plan_run set finished_at = '2030-01-11 18:45:00+00' where id = ?",
                            y[1]);
                    return null;
                });
        String planner = (String) us.get("/api/plans/" + x[1]).map().get("planner");
        String nameX =
                "plan "
                        + x[1]
                        + " · ui-cmp-x ("
                        + x[0]
                        + ") · "
                        + planner
                        + " · finished 2030-01-10 06:07 UTC";
        String nameY =
                "plan "
                        + y[1]
                        + " · ui-cmp-y ("
                        + y[0]
                        + ") · "
                        + planner
                        + " · finished 2030-01-11 18:45 UTC";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_cmp_names");
            b.eval("location.hash = '#compare'; true");
            // the first two plans are compared on opening; then these two are chosen
            b.waitFor("document.querySelector('#compare-out table')", Duration.ofSeconds(10));
            String option =
                    "[...document.getElementById('%s').options].find(o => o.value === '%d')"
                            + ".textContent";
            assertThat(b.eval(String.format(option, "cmp-a", x[1])).asText()).isEqualTo(nameX);
            assertThat(b.eval(String.format(option, "cmp-b", y[1])).asText()).isEqualTo(nameY);
            b.eval(
                    "document.getElementById('cmp-a').value = '"
                            + x[1]
                            + "'; document.getElementById('cmp-b').value = '"
                            + y[1]
                            + "'; document.getElementById('compare-out').replaceChildren();"
                            + " document.getElementById('compare').click(); true");
            b.waitFor("document.querySelector('#compare-out table')", Duration.ofSeconds(10));
            assertThat(
                            b.eval(
                                            "[...document.querySelectorAll('#compare-out th')]"
                                                    + ".map(t => t.textContent).join(' | ')")
                                    .asText())
                    .isEqualTo("Measure | " + nameX + " | " + nameY);
            Thread.sleep(1500); // let the chart finish its entry animation
            assertThat(chartTextFaults(b)).isEmpty();
            b.screenshot(SHOTS.resolve("19-compare-names-its-plans.png"));
        }
    }

    /**
     * Validating, importing and sourcing need the PLANNER role: an observer is told so instead of
     * being shown Validate, Source and Source and save buttons that the server refused.
     */
    @Test
    void anObserverIsOfferedNoValidationImportOrSourcing() throws Exception {
        TestServer.user("ui_obs_only", "USA", Role.OBSERVER);
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_obs_only");
            b.eval("location.hash = '#scenarios'; true");
            b.waitFor("document.querySelector('main .card')", Duration.ofSeconds(10));
            assertThat(b.eval("!!document.getElementById('validate')").asBoolean())
                    .as("Validate offered to an observer")
                    .isFalse();
            assertThat(b.eval("document.querySelector('main').innerText").asText())
                    .contains("Validating and importing a scenario needs the PLANNER role");
            b.eval("location.hash = '#sourcing'; true");
            b.waitFor(
                    "document.querySelector('#source-runs table, #source-runs .empty')",
                    Duration.ofSeconds(10));
            assertThat(
                            b.eval(
                                            "!!(document.getElementById('source-run')"
                                                    + " || document.getElementById('source-save'))")
                                    .asBoolean())
                    .as("Source offered to an observer")
                    .isFalse();
            assertThat(b.eval("document.querySelector('main').innerText").asText())
                    .contains("Sourcing needs the PLANNER role");
            b.screenshot(SHOTS.resolve("11-observer-sourcing.png"));
        }
    }

    /**
     * Times say their time zone and figures their unit: the orders list shows what each order says
     * (notice to move in hours, destination, dates) and when it takes effect in UTC, and the
     * readiness board names the UTC day its statuses are for and can be set to another. Before, an
     * order's notice, destination and effective time were not shown at all, stored runs and
     * catalogues gave a time without zone, and the board gave no day.
     */
    @Test
    void ordersAndTheReadinessBoardSayWhenInUtc() throws Exception {
        Client p = TestServer.user("ui_tz_us", "USA", Role.PLANNER);
        Client a = TestServer.user("ui_tz_ap", "USA", Role.APPROVER);
        storeBundledCatalogue(p);
        String id =
                issue(
                        p,
                        a,
                        Map.of(
                                "kind",
                                "ALERT",
                                "units",
                                List.of("WAA101"),
                                "noticeToMoveHours",
                                36,
                                "effective",
                                "2030-01-10T06:00"));
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_tz_us");
            b.eval("location.hash = '#orders'; true");
            String row =
                    "[...document.querySelectorAll('#order-list tr')]"
                            + ".find(tr => tr.innerText.startsWith('"
                            + id
                            + "'))";
            b.waitFor(row, Duration.ofSeconds(10));
            assertThat(b.eval(row + ".innerText").asText())
                    .contains("notice to move 36 h")
                    .contains("2030-01-10 06:00 UTC");
            b.screenshot(SHOTS.resolve("12-orders-says-when.png"));

            b.eval("location.hash = '#sourcing'; true");
            b.waitFor("document.querySelector('#catalogues table')", Duration.ofSeconds(10));
            assertThat(
                            b.eval(
                                            "[...document.querySelectorAll('#catalogues td')]"
                                                    + ".filter(td => /^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d/.test(td.textContent))"
                                                    + ".every(td => td.textContent.endsWith(' UTC'))")
                                    .asBoolean())
                    .as("catalogue times say UTC")
                    .isTrue();

            b.eval("location.hash = '#readiness'; true");
            b.waitFor("document.getElementById('readiness-as-of')", Duration.ofSeconds(10));
            assertThat(b.eval("document.querySelector('main').innerText").asText())
                    .contains("(UTC)");
            // the alert takes effect in 2030: the board for a day after it shows the unit alerted
            b.eval(
                    "const d = document.getElementById('readiness-as-of'); d.value = '2030-01-11';"
                            + " d.dispatchEvent(new Event('change')); true");
            b.waitFor(
                    "document.getElementById('readiness').innerText.includes('WAA101')",
                    Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('readiness').innerText").asText())
                    .contains("ALERTED");
            b.screenshot(SHOTS.resolve("13-readiness-as-of.png"));
        }
    }

    /**
     * A board answer that comes back after the answer for a day chosen later is not shown over it:
     * the page asks for today's board as it opens, the reader picks another day at once, and
     * today's answer, slowed here to come last, used to replace the chosen day's board (an empty
     * board, or another day's statuses under the day the reader picked).
     */
    @Test
    void aSlowAnswerForTheDayBeforeDoesNotReplaceTheBoardOfTheDayChosen() throws Exception {
        Client p = TestServer.user("ui_stale_us", "USA", Role.PLANNER);
        Client a = TestServer.user("ui_stale_ap", "USA", Role.APPROVER);
        storeBundledCatalogue(p);
        issue(
                p,
                a,
                Map.of(
                        "kind", "ALERT",
                        "units", List.of("WMI525"),
                        "noticeToMoveHours", 48,
                        "marking", "USA ONLY",
                        "effective", "2031-05-01T06:00"));
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_stale_us");
            // every board but the chosen day's answers 1.5 s late, and says when it has been shown
            b.eval(
                    "window.staleShown = false; const real = window.fetch;"
                            + " window.fetch = (url, opt) => String(url).startsWith('/api/readiness')"
                            + " && !String(url).includes('asOf=2031-05-02')"
                            + " ? new Promise(r => setTimeout(r, 1500)).then(() => real(url, opt))"
                            + ".then(res => { setTimeout(() => { window.staleShown = true; }, 500);"
                            + " return res; })"
                            + " : real(url, opt); true");
            b.eval("location.hash = '#readiness'; true");
            b.waitFor("document.getElementById('readiness-as-of')", Duration.ofSeconds(10));
            b.eval(
                    "{ const d = document.getElementById('readiness-as-of'); d.value = '2031-05-02';"
                            + " d.dispatchEvent(new Event('change')); } true");
            b.waitFor("window.staleShown", Duration.ofSeconds(30));
            assertThat(b.eval("document.getElementById('readiness').innerText").asText())
                    .as("the board of the day chosen")
                    .contains("WMI525")
                    .contains("ALERTED");
        }
    }

    /**
     * The readiness board shows each unit's history, the orders released to the reader alone: an
     * American planner sees the alert and the deployment that followed it, a Polish observer sees
     * the deployment released to NATO only, without the American-only alert, its notice or the
     * status it set. Before, the API sent the history and the board never showed it.
     */
    @Test
    void theReadinessBoardShowsAUnitsHistoryReleasedToTheReader() throws Exception {
        Client p = TestServer.user("ui_hist_us", "USA", Role.PLANNER);
        Client a = TestServer.user("ui_hist_ap", "USA", Role.APPROVER);
        TestServer.user("ui_hist_pl", "POL", Role.OBSERVER);
        storeBundledCatalogue(p);
        String alert =
                issue(
                        p,
                        a,
                        Map.of(
                                "kind", "ALERT",
                                "units", List.of("WAB3AA"),
                                "noticeToMoveHours", 36,
                                "marking", "USA ONLY",
                                "effective", "2030-02-01T06:00"));
        String deploy =
                issue(
                        p,
                        a,
                        Map.of(
                                "kind", "DEPLOY",
                                "units", List.of("WAB3AA"),
                                "destination", "EPRZ",
                                "cDay", "2030-02-03",
                                "readyDate", "2030-02-08",
                                "marking", "REL NATO",
                                "effective", "2030-02-03T00:00"));
        String history = "document.querySelector('details.unit-history[data-uic=\"WAB3AA\"]')";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            for (String user : List.of("ui_hist_us", "ui_hist_pl")) {
                signIn(b, user);
                b.eval("location.hash = '#readiness'; true");
                b.waitFor("document.getElementById('readiness-as-of')", Duration.ofSeconds(10));
                b.eval(
                        "{ const d = document.getElementById('readiness-as-of'); d.value = '2030-02-05';"
                                + " d.dispatchEvent(new Event('change')); } true");
                b.waitFor(history, Duration.ofSeconds(10));
                b.eval(history + ".open = true; true");
                // each entry's cells: effective, order, kind, status, notice, destination, ready
                // date, issued
                String rows =
                        "[..."
                                + history
                                + ".querySelectorAll('tr')].slice(1)"
                                + ".map(r => [...r.cells].map(c => c.innerText))";
                List<List<String>> entries = new java.util.ArrayList<>();
                b.eval(rows)
                        .forEach(
                                r -> {
                                    List<String> cells = new java.util.ArrayList<>();
                                    r.forEach(c -> cells.add(c.asText()));
                                    entries.add(cells);
                                });
                if (user.equals("ui_hist_us")) {
                    assertThat(entries).as(user).hasSize(2);
                    assertThat(entries.get(0))
                            .containsExactly(
                                    "2030-02-01 06:00 UTC",
                                    alert,
                                    "ALERT",
                                    "AVAILABLE → ALERTED",
                                    "36",
                                    "",
                                    "",
                                    entries.get(0).get(7));
                    assertThat(entries.get(1).subList(0, 7))
                            .containsExactly(
                                    "2030-02-03 00:00 UTC",
                                    deploy,
                                    "DEPLOY",
                                    "ALERTED → DEPLOYING",
                                    "36",
                                    "EPRZ",
                                    "2030-02-08");
                } else {
                    // the alert is not released to Poland: neither it, nor its notice, nor the
                    // status it set is shown
                    assertThat(entries).as(user).hasSize(1);
                    assertThat(entries.get(0).subList(0, 7))
                            .containsExactly(
                                    "2030-02-03 00:00 UTC",
                                    deploy,
                                    "DEPLOY",
                                    "DEPLOYING",
                                    "",
                                    "EPRZ",
                                    "2030-02-08");
                    assertThat(b.eval("document.getElementById('readiness').innerText").asText())
                            .doesNotContain(alert);
                }
                assertThat(entries.get(entries.size() - 1).get(7)).endsWith(" UTC");
                b.screenshot(SHOTS.resolve("17-readiness-history-" + user + ".png"));
                b.eval("document.getElementById('signout').click(); true");
                b.waitFor("document.getElementById('login')", Duration.ofSeconds(10));
            }
        }
    }

    /**
     * Texts a planner of one nation wrote, shown to a reader of another: a scenario's name, its
     * node ids and names, lift type and ULNs, an order's note. Each shows as the text it is on
     * every page and in the report, no script it holds runs, and the pages break no rule of their
     * Content-Security-Policy, theirs or the injected markup's.
     */
    @Test
    void anotherNationsTextsShowLiterallyAndRunNothing() throws Exception {
        Client pl = TestServer.user("ui_xss_pl", "POL", Role.PLANNER);
        TestServer.user("ui_xss_us", "USA", Role.OBSERVER);
        String name =
                "Op <img src=x onerror=window.pwned=1> </script><script>window.pwned=2</script>";
        String node = "D\"><img src=x onerror=window.pwned=3>";
        String nodeName = "<b onmouseover=window.pwned=4>port</b>";
        String lift = "L'><svg onload=window.pwned=5>";
        String uln = "U<img src=x onerror=window.pwned=6>";
        String note = "<img src=x onerror=window.pwned=7> \u2028 </script> =1+1";
        String json =
                muster.io.ScenarioWriter.json(Fixtures.scenario("ui-xss", "U1", "PL", "U2", "US"))
                        .replace("\"ui-xss\"", Json.write(name))
                        .replace("\"APOD\"", Json.write(node))
                        .replace("\"port of debarkation\"", Json.write(nodeName))
                        .replace("\"C-17\"", Json.write(lift))
                        .replace("\"U1\"", Json.write(uln));
        Response imp =
                pl.postText(
                        "/api/scenarios?file=xss.json&marking="
                                + URLEncoder.encode("REL NATO", StandardCharsets.UTF_8),
                        json);
        assertThat(imp.status()).as(imp.body()).isEqualTo(201);
        long scenario = ((Number) imp.map().get("id")).longValue();
        long[] plans = new long[2];
        for (int k = 0; k < 2; k++) {
            Response started =
                    pl.post("/api/scenarios/" + scenario + "/plans", Map.of("planner", "fifo"));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            plans[k] = ((Number) started.map().get("id")).longValue();
            String status = "QUEUED";
            for (int i = 0; i < 600 && !status.equals("DONE") && !status.equals("FAILED"); i++) {
                Thread.sleep(200);
                status = (String) pl.get("/api/plans/" + plans[k]).map().get("status");
            }
            assertThat(status).isEqualTo("DONE");
        }
        ServerApiTest.currentCatalogueOfBundledUnits();
        draft(
                pl,
                Map.of(
                        "kind",
                        "ALERT",
                        "units",
                        List.of("PL21BS"),
                        "noticeToMoveHours",
                        36,
                        "note",
                        note,
                        "marking",
                        "REL NATO"));
        String pwned = "window.pwned === undefined";
        String main = "document.querySelector('main').innerText";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_xss_us");
            b.waitFor(main + ".includes(" + Json.write(name) + ")", Duration.ofSeconds(10));
            assertThat(b.eval(pwned).asBoolean()).as("scenarios").isTrue();

            b.eval("location.hash = '#plans'; true");
            b.waitFor(
                    "document.querySelector('a.open-plan[href=\"#plan/" + plans[0] + "\"]')",
                    Duration.ofSeconds(10));
            assertThat(b.eval(main).asText()).contains(name);
            assertThat(b.eval(pwned).asBoolean()).as("plans").isTrue();

            b.eval("location.hash = '#plan/" + plans[0] + "'; true");
            b.waitFor(
                    "document.querySelector('#missions table') && document.getElementById('flow-svg')",
                    Duration.ofSeconds(20));
            assertThat(b.eval("document.querySelector('main h2').innerText").asText())
                    .contains(name);
            assertThat(b.eval("document.getElementById('missions').innerText").asText())
                    .contains(lift)
                    .contains(node)
                    .contains(uln);
            assertThat(b.eval("document.getElementById('flow-svg').textContent").asText())
                    .contains(node);
            // the charts' tooltips name the lift type and the nodes
            for (String chart : List.of("missions-chart", "load-chart")) {
                b.eval(
                        "echarts.getInstanceByDom(document.getElementById('"
                                + chart
                                + "')).dispatchAction({ type: 'showTip', seriesIndex: 0,"
                                + " dataIndex: 0 }); true");
            }
            b.eval(
                    "echarts.getInstanceByDom(document.getElementById('missions-chart'))"
                            + ".dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 }); true");
            b.waitFor(
                    "[...document.querySelectorAll('#missions-chart div')]"
                            + ".some(d => d.innerText.includes("
                            + Json.write(lift)
                            + "))",
                    Duration.ofSeconds(10));
            assertThat(b.eval(pwned).asBoolean()).as("plan page").isTrue();
            b.screenshot(SHOTS.resolve("40-another-nations-texts-plan.png"));

            b.eval("location.hash = '#compare'; true");
            b.waitFor("document.querySelector('#compare-out table')", Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('cmp-a').innerText").asText())
                    .contains(name);
            assertThat(b.eval(pwned).asBoolean()).as("compare").isTrue();

            b.eval("location.hash = '#orders'; true");
            b.waitFor("document.querySelector('#order-list table')", Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('order-list').innerText").asText())
                    .contains("<img src=x onerror=window.pwned=7>")
                    .contains("</script> =1+1");
            assertThat(b.eval(pwned).asBoolean()).as("orders").isTrue();

            // the report, opened as the plan page links it
            b.navigate(TestServer.base() + "/api/plans/" + plans[0] + "/report.html");
            String body = b.eval("document.body.innerText").asText();
            assertThat(body).contains(name).contains(node).contains(lift);
            assertThat(b.eval("document.title").asText()).startsWith(name);
            assertThat(b.eval(pwned).asBoolean()).as("report").isTrue();
            // its own script runs (a heading sorts its table), in an origin of its own
            b.eval("document.querySelector('#flow-table th').click(); true");
            assertThat(
                            b.eval(
                                            "document.querySelector('#flow-table th').getAttribute('data-dir')")
                                    .asText())
                    .isEqualTo("asc");
            assertThat(b.eval("String(window.origin)").asText()).isEqualTo("null");
            b.screenshot(SHOTS.resolve("41-another-nations-texts-report.png"));

            assertThat(b.log())
                    .as("what the browser logged")
                    .noneSatisfy(l -> assertThat(l).contains("Content Security Policy"));

            // markup with a handler that did reach the page would run nothing, and the browser
            // says why
            b.navigate(TestServer.base() + "/");
            b.eval(
                    "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=window.pwned=8>'); true");
            for (int i = 0;
                    i < 50
                            && b.log().stream()
                                    .noneMatch(l -> l.contains("Content Security Policy"));
                    i++) {
                Thread.sleep(100);
            }
            assertThat(b.log()).anySatisfy(l -> assertThat(l).contains("Content Security Policy"));
            assertThat(b.eval(pwned).asBoolean()).as("markup put in the page").isTrue();
        }
    }

    /** Drafts an order as {@code planner}, approves it as {@code approver} and issues it. */
    /** Stores the bundled unit catalogue as the user's, and gives its id. */
    private static long storeBundledCatalogue(Client c) throws java.io.IOException {
        Response cat =
                c.postText(
                        "/api/catalogues?file=eastern-flank-2022-units.yaml",
                        ServerApiTest.bundledCatalogue());
        assertThat(cat.status()).as(cat.body()).isEqualTo(201);
        return ((Number) cat.map().get("id")).longValue();
    }

    /** Drafts an order as the user and gives its id. */
    private static String draft(Client planner, Map<String, Object> order) {
        Response draft = planner.post("/api/orders", order);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return (String) draft.map().get("id");
    }

    private static String issue(Client planner, Client approver, Map<String, Object> order) {
        String id = draft(planner, order);
        assertThat(approver.post("/api/orders/" + id + "/approve", null).status()).isEqualTo(200);
        assertThat(planner.post("/api/orders/" + id + "/issue", null).status()).isEqualTo(200);
        return id;
    }

    /**
     * A list with nothing in it says so in words, not as a table of headers alone: a user of a
     * nation nothing is released to sees why each page is empty, and the comparison of plans asks
     * for two finished plans instead of offering two empty choices.
     */
    @Test
    void emptyListsSayWhyTheyAreEmpty() throws Exception {
        TestServer.user("ui_empty_at", "AUT", Role.OBSERVER);
        Map<String, String> pages =
                new java.util.LinkedHashMap<>(
                        Map.of(
                                "scenarios", "No scenario releasable to you yet.",
                                "plans", "No plan releasable to you yet.",
                                "compare", "Comparing needs two finished plans",
                                "orders", "No order releasable to you yet.",
                                "readiness", "No unit has a status on ",
                                "sourcing", "No stored sourcing run releasable to you yet."));
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_empty_at");
            for (Map.Entry<String, String> p : pages.entrySet()) {
                b.eval("location.hash = '#" + p.getKey() + "'; true");
                b.waitFor(
                        "document.querySelector('main').innerText.includes("
                                + Json.write(p.getValue())
                                + ")",
                        Duration.ofSeconds(10));
                assertThat(b.eval("document.querySelectorAll('main table').length").asInt())
                        .as("tables of headers alone on %s", p.getKey())
                        .isZero();
                assertThat(b.eval("document.querySelectorAll('main select').length").asInt())
                        .as("empty choices on %s", p.getKey())
                        .isZero();
            }
            b.screenshot(SHOTS.resolve("14-empty-sourcing.png"));
        }
    }

    /** The controls of the page without a label, and the buttons without text. */
    private static final String UNLABELLED =
            "[...document.querySelectorAll('main input, main select, main textarea, main button')]"
                    + ".filter(e => e.tagName === 'BUTTON' ? !e.textContent.trim()"
                    + " : !(e.closest('label') || e.getAttribute('aria-label')"
                    + " || (e.id && document.querySelector('label[for=\"' + e.id + '\"]'))))"
                    + ".map(e => e.tagName + '#' + e.id).join(', ')";

    /**
     * An administrator sets a lost password of a user of its nation on the Users page, which had no
     * way to; the user's session ends, and a user of another nation is refused in words.
     */
    @Test
    void anAdministratorSetsALostPasswordOnTheUsersPage() throws Exception {
        TestServer.adminOf("DEU");
        Client lost = TestServer.user("ui_lost_de", "DEU", Role.OBSERVER);
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "admin_deu");
            b.eval("location.hash = '#users'; true");
            b.waitFor("document.getElementById('reset-username')", Duration.ofSeconds(10));
            assertThat(b.eval(UNLABELLED).asText()).isEmpty();
            for (String[] user :
                    new String[][] {
                        {"admin", "user 'admin' not found"},
                        {"ui_lost_de", "Password of ui_lost_de set; 1 session of the user ended."}
                    }) {
                b.eval(
                        "document.getElementById('reset-said').textContent = '';"
                                + " document.getElementById('reset-username').value = '"
                                + user[0]
                                + "'; document.getElementById('reset-password').value ="
                                + " 'set-on-the-users-page';"
                                + " document.getElementById('reset-user-password').click(); true");
                b.waitFor(
                        "document.getElementById('reset-said').textContent",
                        Duration.ofSeconds(10));
                assertThat(b.eval("document.getElementById('reset-said').textContent").asText())
                        .isEqualTo(user[1]);
            }
            b.screenshot(SHOTS.resolve("16-users-password.png"));
        }
        assertThat(lost.get("/api/me").status()).isEqualTo(401);
        assertThat(Client.login("ui_lost_de", "set-on-the-users-page").get("/api/me").status())
                .isEqualTo(200);
    }

    /**
     * A user changes its own password on the page its name in the heading opens, which did not
     * exist: a wrong current password and a mistyped repetition are refused in words; the change
     * ends the user's other sessions and this one goes on.
     */
    @Test
    void aUserChangesItsOwnPasswordFromItsName() throws Exception {
        Client other = TestServer.user("ui_own_pw", "DEU", Role.LIAISON);
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_own_pw");
            assertThat(b.eval("document.getElementById('account-link').textContent").asText())
                    .isEqualTo("ui_own_pw");
            b.eval("document.getElementById('account-link').click(); true");
            b.waitFor("document.getElementById('own-current-password')", Duration.ofSeconds(10));
            assertThat(b.eval("document.querySelector('main h2').textContent").asText())
                    .isEqualTo("Your account: ui_own_pw");
            assertThat(b.eval(UNLABELLED).asText()).isEmpty();
            for (String[] tryIt :
                    new String[][] {
                        {
                            "a-wrong-password",
                            "changed-on-its-page",
                            "changed-on-its-page",
                            "field 'currentPassword': not the current password of 'ui_own_pw'"
                        },
                        {
                            "password-of-ui_own_pw",
                            "changed-on-its-page",
                            "changed-on-its-pagf",
                            "The new password and its repetition differ."
                        },
                        {
                            "password-of-ui_own_pw",
                            "changed-on-its-page",
                            "changed-on-its-page",
                            "Password changed; 1 other session of yours ended, this one goes on."
                        }
                    }) {
                b.eval(
                        "document.getElementById('own-password-said').textContent = '';"
                                + " document.getElementById('own-current-password').value = '"
                                + tryIt[0]
                                + "'; document.getElementById('own-new-password').value = '"
                                + tryIt[1]
                                + "'; document.getElementById('own-new-password-again').value = '"
                                + tryIt[2]
                                + "'; document.getElementById('change-password').click(); true");
                b.waitFor(
                        "document.getElementById('own-password-said').textContent",
                        Duration.ofSeconds(10));
                assertThat(
                                b.eval("document.getElementById('own-password-said').textContent")
                                        .asText())
                        .isEqualTo(tryIt[3]);
            }
            b.screenshot(SHOTS.resolve("17-account-password.png"));
            // the page's session was renewed, not ended: the next page still loads
            b.eval("location.hash = '#scenarios'; true");
            b.waitFor(
                    "document.querySelector('main h2') && document.querySelector('main"
                            + " h2').textContent === 'Scenarios'",
                    Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('nav').hidden").asBoolean()).isFalse();
        }
        assertThat(other.get("/api/me").status()).isEqualTo(401);
        assertThat(Client.login("ui_own_pw", "changed-on-its-page").get("/api/me").status())
                .isEqualTo(200);
    }

    /**
     * An administrator deactivates a user of its nation on the Users page, which shows each user's
     * state, and reactivates it; the user's session ends at once. The page offers no deactivation
     * of the nation's last active administrator.
     */
    @Test
    void anAdministratorDeactivatesAndReactivatesAUserOnTheUsersPage() throws Exception {
        TestServer.adminOf("DEU");
        Client gone = TestServer.user("ui_gone_de", "DEU", Role.PLANNER);
        String state = "document.querySelector('.user-state[data-user=ui_gone_de]').textContent";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "admin_deu");
            b.eval("location.hash = '#users'; true");
            b.waitFor(
                    "document.querySelector('.user-state[data-user=ui_gone_de]')",
                    Duration.ofSeconds(10));
            assertThat(b.eval(state).asText()).isEqualTo("active");
            assertThat(b.eval(UNLABELLED).asText()).isEmpty();
            assertThat(
                            b.eval(
                                            "document.querySelector('.deactivate-user[data-user=admin_deu]')"
                                                    + " === null")
                                    .asBoolean())
                    .as("the nation's last active administrator is offered no deactivation")
                    .isTrue();
            b.eval(
                    "document.querySelector('.deactivate-user[data-user=ui_gone_de]').click();"
                            + " true");
            b.waitFor(state + " === 'deactivated'", Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('state-said').textContent").asText())
                    .isEqualTo("ui_gone_de deactivated; 1 session of the user ended.");
            assertThat(gone.get("/api/me").status()).isEqualTo(401);
            assertThat(
                            Client.anonymous(
                                            "POST",
                                            "/api/login",
                                            Map.of(
                                                    "username",
                                                    "ui_gone_de",
                                                    "password",
                                                    "password-of-ui_gone_de"))
                                    .status())
                    .isEqualTo(401);
            b.screenshot(SHOTS.resolve("18-users-deactivated.png"));
            b.eval("document.querySelector('.activate-user[data-user=ui_gone_de]').click(); true");
            b.waitFor(state + " === 'active'", Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('state-said').textContent").asText())
                    .isEqualTo("ui_gone_de reactivated; the user may sign in again.");
        }
        assertThat(Client.login("ui_gone_de", "password-of-ui_gone_de").get("/api/me").status())
                .isEqualTo(200);
    }

    /**
     * An administrator changes the roles of a user of its nation on the Users page, each user's
     * roles shown as checkboxes with Save roles: a planner made approver holds the new role and no
     * longer the old one in the session it had open. The nation's last active administrator is
     * offered no way to give up its ADMIN role.
     */
    @Test
    void anAdministratorChangesTheRolesOfAUserOnTheUsersPage() throws Exception {
        TestServer.adminOf("DEU");
        Client moved = TestServer.user("ui_roles_de", "DEU", Role.PLANNER);
        String box = "document.querySelector('.user-role[data-user=ui_roles_de][value=%s]')";
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "admin_deu");
            b.eval("location.hash = '#users'; true");
            b.waitFor(box.formatted("PLANNER"), Duration.ofSeconds(10));
            assertThat(b.eval(box.formatted("PLANNER") + ".checked").asBoolean()).isTrue();
            assertThat(b.eval(box.formatted("APPROVER") + ".checked").asBoolean()).isFalse();
            assertThat(
                            b.eval(
                                            "document.querySelector('.user-role[data-user=admin_deu][value=ADMIN]')"
                                                    + ".disabled")
                                    .asBoolean())
                    .as("the nation's last active administrator keeps its ADMIN role")
                    .isTrue();
            assertThat(b.eval(UNLABELLED).asText()).isEmpty();
            b.eval(
                    box.formatted("PLANNER")
                            + ".click(); "
                            + box.formatted("APPROVER")
                            + ".click(); document.querySelector('.save-roles[data-user=ui_roles_de]')"
                            + ".click(); true");
            b.waitFor("document.getElementById('roles-said').textContent", Duration.ofSeconds(10));
            assertThat(b.eval("document.getElementById('roles-said').textContent").asText())
                    .isEqualTo(
                            "Roles of ui_roles_de set to APPROVER (were PLANNER); its open"
                                    + " sessions hold them from their next request.");
            b.waitFor(box.formatted("APPROVER") + ".checked", Duration.ofSeconds(10));
            assertThat(b.eval(box.formatted("PLANNER") + ".checked").asBoolean()).isFalse();
            b.screenshot(SHOTS.resolve("20-users-roles.png"));
        }
        assertThat(moved.get("/api/me").map()).containsEntry("roles", List.of("APPROVER"));
        assertThat(moved.postText("/api/scenarios/validate?file=x.yaml", "scenario: {}\n").status())
                .as("the planner's role is gone from its open session")
                .isEqualTo(403);
    }

    /**
     * Every input, choice and text area of every page has a label a screen reader names, and every
     * button has text. Before, the scenario file, the two plans to compare, the catalogue file and
     * its supersession, and every field of a sourcing run had none.
     */
    @Test
    void everyControlHasALabelAndEveryButtonText() throws Exception {
        Client p = TestServer.user("ui_lbl_us", "USA", Role.PLANNER);
        User me = Fixtures.me(p);
        ServerApiTest.bigPlan(TestServer.get(), me, "ui-lbl-a", 10);
        ServerApiTest.bigPlan(TestServer.get(), me, "ui-lbl-b", 10);
        Map<String, String> loaded =
                new java.util.LinkedHashMap<>(
                        Map.of(
                                "scenarios", "#import-card input",
                                "plans", "main table",
                                "compare", "#cmp-b",
                                "sourcing", "#source-req",
                                "orders", "#order-list table, #order-list .empty",
                                "readiness", "#readiness-as-of"));
        try (Chromium b = new Chromium(1400, 1000)) {
            b.navigate(TestServer.base() + "/");
            signIn(b, "ui_lbl_us");
            for (Map.Entry<String, String> page : loaded.entrySet()) {
                b.eval("location.hash = '#" + page.getKey() + "'; true");
                b.waitFor(
                        "document.querySelector('" + page.getValue() + "')",
                        Duration.ofSeconds(10));
                assertThat(b.eval(UNLABELLED).asText()).as(page.getKey()).isEmpty();
            }
            b.screenshot(SHOTS.resolve("15-labelled-readiness.png"));
        }
    }

    /**
     * The texts each chart of the page draws (axis names and labels, legends, scales), as
     * rectangles in the chart's own pixels: a text's height is its font size, as ECharts' own
     * measure of it is a few pixels in headless Chromium. Texts in a clipped group (a scrolling
     * legend's further pages) are left out.
     */
    private static final String CHART_TEXTS =
            "charts.map(c => ({ id: c.getDom().id, w: c.getWidth(), h: c.getHeight(),"
                    + " texts: c.getZr().storage.getDisplayList(true)"
                    + ".filter(e => e.type === 'tspan' && !e.invisible && !e.ignore && e.style"
                    + " && e.style.text && !(e.__clipPaths && e.__clipPaths.length))"
                    + ".map(e => { const r = e.getBoundingRect().clone();"
                    + " r.applyTransform(e.getComputedTransform());"
                    + " const fs = parseFloat((/([\\d.]+)px/.exec(e.style.font || '') || [0, 12])[1]);"
                    + " return { text: String(e.style.text), x: r.x, y: r.y + r.height / 2 - fs / 2,"
                    + " w: r.width, h: fs }; }) }))";

    /** The texts the chart drawn in the element of that id shows. */
    private static List<String> chartTexts(Chromium b, String id) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (var c : b.eval(CHART_TEXTS)) {
            if (c.get("id").asText().equals(id)) {
                c.get("texts").forEach(t -> out.add(t.get("text").asText()));
            }
        }
        return out;
    }

    /**
     * Each text a chart draws partly outside itself, and each pair of texts drawn one over the
     * other.
     */
    private static List<String> chartTextFaults(Chromium b) throws Exception {
        List<String> faults = new java.util.ArrayList<>();
        for (var c : b.eval(CHART_TEXTS)) {
            String id = c.get("id").asText();
            double w = c.get("w").asDouble(), h = c.get("h").asDouble();
            var texts = c.get("texts");
            for (int i = 0; i < texts.size(); i++) {
                var t = texts.get(i);
                double x = t.get("x").asDouble(), y = t.get("y").asDouble();
                double tw = t.get("w").asDouble(), th = t.get("h").asDouble();
                if (x < -0.5 || y < -0.5 || x + tw > w + 0.5 || y + th > h + 0.5) {
                    faults.add(id + ": '" + t.get("text").asText() + "' outside the chart " + t);
                }
                for (int j = i + 1; j < texts.size(); j++) {
                    var u = texts.get(j);
                    double ux = u.get("x").asDouble(), uy = u.get("y").asDouble();
                    if (x < ux + u.get("w").asDouble() - 0.5
                            && ux < x + tw - 0.5
                            && y < uy + u.get("h").asDouble() - 0.5
                            && uy < y + th - 0.5) {
                        faults.add(
                                id
                                        + ": '"
                                        + t.get("text").asText()
                                        + "' over '"
                                        + u.get("text").asText()
                                        + "' "
                                        + t
                                        + " "
                                        + u);
                    }
                }
            }
        }
        return faults;
    }

    private static void signIn(Chromium b, String user) throws Exception {
        b.waitFor("document.getElementById('username')", Duration.ofSeconds(10));
        b.eval(
                "document.getElementById('username').value = '"
                        + user
                        + "';"
                        + " document.getElementById('password').value = 'password-of-"
                        + user
                        + "';"
                        + " document.getElementById('signin').click(); true");
        b.waitFor("!document.getElementById('nav').hidden", Duration.ofSeconds(10));
    }
}
