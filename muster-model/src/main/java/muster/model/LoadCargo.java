package muster.model;

/** Short tons of one cargo class in a load. */
public record LoadCargo(CargoClass cargoClass, double stons) {}
