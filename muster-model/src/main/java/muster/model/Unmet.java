package muster.model;

/**
 * What of a line is not at its destination by the end of the horizon.
 *
 * @param amount people for PAX, else short tons
 */
public record Unmet(String uln, CargoClass cargoClass, double amount) {}
