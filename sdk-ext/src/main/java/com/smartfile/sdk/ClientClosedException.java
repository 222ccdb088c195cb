package com.smartfile.sdk;

/**
 * The {@link SmartFile} client was closed ({@link SmartFile#close()}) before this call; nothing was
 * sent. Build a new client with {@link SmartFile#builder()}, or close the client only when no
 * more calls will be made through it.
 */
public class ClientClosedException extends SmartFileException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was called on the closed client
     */
    public ClientClosedException(String message) {
        super(message);
    }
}
