package muster.model;

/**
 * Cargo classes of the movement model. {@code PAX} counts as a class wherever the model speaks of
 * what a lift type carries; a cargo entry is never {@code PAX}.
 */
public enum CargoClass {
    BULK,
    OVERSIZE,
    OUTSIZE,
    NAT,
    PAX
}
