package com.smartfile.sdk;

/**
 * A downloaded file's digest differs from the one the caller expected: the bytes were damaged
 * on the way, or the file is not the version the digest was taken from. A download to a file
 * leaves nothing under the file's name; bytes already written to a caller's stream should be
 * discarded. Downloading again may help; if it fails the same way, check the expected digest.
 */
public class ChecksumMismatchException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /** The digest algorithm. */
    private final String algorithm;
    /** The digest expected. */
    private final String expected;
    /** The digest computed. */
    private final String actual;

    ChecksumMismatchException(String message, String algorithm, String expected, String actual) {
        super(message);
        this.algorithm = algorithm;
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * The digest algorithm, e.g. {@code SHA-256}.
     *
     * @return the algorithm
     */
    public String getAlgorithm() {
        return algorithm;
    }

    /**
     * The digest the caller expected, in lower-case hexadecimal.
     *
     * @return the expected digest
     */
    public String getExpected() {
        return expected;
    }

    /**
     * The digest of the bytes received, in lower-case hexadecimal.
     *
     * @return the actual digest
     */
    public String getActual() {
        return actual;
    }
}
