package muster.model;

/** Figures no correct plan of the scenario can beat, and the method that proved them. */
public record LowerBound(int closureDay, double lateStonDays, String method) {}
