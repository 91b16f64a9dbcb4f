package muster.model;

/** What a network node is; decides which missions may stop there. */
public enum NodeKind {
    INSTALLATION,
    AIRFIELD,
    SEAPORT,
    RAIL_TERMINAL,
    ASSEMBLY_AREA
}
