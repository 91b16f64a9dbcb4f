package muster.engine.check;

/** One rule of the movement model, checked on its own against a scenario and a plan. */
interface MovementRule {
    /** The rule's number: 1 to 10 as in the movement model, 0 for form, 11 for measures. */
    int number();

    /** Adds every violation of this rule to {@code out}. */
    void check(CheckContext ctx, Violations out);
}
