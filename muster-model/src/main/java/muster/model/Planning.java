package muster.model;

/**
 * Planning settings of a scenario.
 *
 * @param horizonDays days 0 to horizonDays-1 are planned
 * @param paxWeightStons short tons per person where people and cargo add up
 * @param seed seed of the planner's random choices
 * @param searchIterations the improvement budget of the default planner, in search iterations (a
 *     work count, not a clock, so that a seed gives one plan); 0 for construction only
 * @param cDate optional calendar date of C-day (ISO yyyy-mm-dd), for display only
 */
public record Planning(
        int horizonDays, double paxWeightStons, long seed, int searchIterations, String cDate) {
    public static final double DEFAULT_PAX_WEIGHT_STONS = 0.2;
    public static final int DEFAULT_SEARCH_ITERATIONS = 2000;
}
