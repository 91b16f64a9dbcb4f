/**
 * The rule checker: {@link muster.engine.check.PlanChecker#check} reads a scenario and a plan,
 * nothing else, and reports every way the plan breaks the movement model, with the measures and
 * line results recomputed. It shares no code with the planners (only the model's {@code Network}
 * look-ups and {@code Geo} distances).
 *
 * <h2>Rule numbers</h2>
 *
 * 1 to 10 as in the movement model, one class each ({@code Rule01GettingToPoe} ... {@code
 * Rule10NothingLostNothingMadeUp}); 0 for the plan's form ({@code PlanForm}: scenario name, unique
 * mission ids, missions in order of first arrival, known lift types, nodes and lines, finite times,
 * load stop indexes with {@code on < off}, no empty loads, no class twice in a load); 11 for stated
 * plan measures that disagree ({@code StatedMeasures}).
 *
 * <h2>Where a check lands</h2>
 *
 * <ul>
 *   <li>Loading before the line is at its POE: rule 1 (the hour is rule 1's, the check rule 5's
 *       sentence; it is reported once, as rule 1).
 *   <li>START after the first stop; a stop at a node of the wrong kind: rule 2.
 *   <li>Flying time of every leg, the load's stops against the points of a channel route, ENROUTE
 *       stops in between, loaded legs within {@code rangeNm}: rule 3.
 *   <li>Ground time (and so a depart before an arrive): rule 4.
 *   <li>ONLOAD at the line's POE and OFFLOAD at its POD, the line's mode, OFFLOAD not before {@code
 *       24·ead}, no loads of LAND lines: rule 5.
 *   <li>Classes carried, capacity per leg: rule 6. Tail numbers, overlap, place and first hour of
 *       each tail's missions: rule 7. MOG and berths: rule 8.
 *   <li>The plan's line results ({@code podArrival}, {@code closure}, {@code closureDay}, {@code
 *       lateDays}) against the recomputed ones, and a missing road from POD to destination: rule 9.
 *   <li>Loads adding up to each line's pax and stons per class, no negative amounts, and the stated
 *       unmet list: rule 10. The sum check is literal: every person and ston of every AIR or SEA
 *       line is on some load, even when it cannot arrive within the horizon (such a load is then
 *       unmet).
 * </ul>
 *
 * <h2>Tolerances</h2>
 *
 * Times 1e-6 h; load sums against line amounts 1e-6 (stons or people); capacity fractions may
 * exceed 1 by a relative 1e-9; stated {@code lateStonDays} within a relative 1e-6 (at least 1e-6
 * absolute); unmet amounts within 1e-6 (relative above 1). A stop no longer than 1e-6 h takes no
 * room under rule 8, and stops that touch within 1e-6 h do not overlap.
 *
 * <h2>Measures</h2>
 *
 * As the movement model defines them; the choices it leaves open are written down in {@link
 * muster.engine.check.Recomputed}: a line's {@code closure} counts all its loads, delivered or not,
 * so its {@code lateDays = max(0, closureDay - rdd)} also when part of it is unmet (while {@code
 * lateStonDays} counts unmet load as arriving on day {@code horizonDays}); {@code closureDay} is -1
 * for a line without loads and for a plan that delivers nothing.
 */
package muster.engine.check;
