package muster.model;

/** What a mission does at a stop. */
public enum Activity {
    START,
    ONLOAD,
    ENROUTE,
    OFFLOAD,
    PASS
}
