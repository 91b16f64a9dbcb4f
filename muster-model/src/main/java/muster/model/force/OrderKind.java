package muster.model.force;

/**
 * Kinds of order: an alert (prepare to deploy, sets notice to move), a deployment order (sets C-day
 * and the date units are required) and a stand-down.
 */
public enum OrderKind {
    ALERT,
    DEPLOY,
    STAND_DOWN
}
