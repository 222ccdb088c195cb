package com.smartfile.benchmarks;

/** A measurement that could not be made (the harness or the code under test broke). */
public final class BenchmarkFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure.
     *
     * @param message what went wrong
     */
    public BenchmarkFailure(String message) {
        super(message);
    }

    /**
     * A failure with its cause.
     *
     * @param message what went wrong
     * @param cause the cause
     */
    public BenchmarkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
