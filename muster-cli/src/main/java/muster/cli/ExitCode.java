package muster.cli;

/** Exit codes of the muster command line. */
public final class ExitCode {
    private ExitCode() {}

    public static final int OK = 0;

    /**
     * Something went wrong inside muster (a one-line message; the trace with --debug), or an output
     * could not be written, standard output included.
     */
    public static final int INTERNAL = 1;

    /** The command line itself is wrong. */
    public static final int USAGE = 2;

    /** The input was refused; every fault is printed, one per line. */
    public static final int REFUSED = 3;

    /** A plan was checked and breaks movement rules. */
    public static final int VIOLATIONS = 4;

    /** The exit codes as the help of a command that reads input and writes results shows them. */
    static final String FOOTER =
            "%nExit codes: 0 done; 2 a mistake in the command line (named); 3 an input refused"
                    + " (each fault named); 1 an internal error (--debug shows its trace) or an output,"
                    + " standard output included, that could not be written.";
}
