package com.smartfile.delta;

import java.io.IOException;

/** A signature or delta that does not parse: wrong magic, impossible header, truncated or unknown command. */
public class DeltaFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the data, for a person
     */
    public DeltaFormatException(String message) {
        super(message);
    }
}
