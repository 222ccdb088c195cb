package com.smartfile.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the default methods of {@link SmartFile} and the service interfaces do, so that a fake of
 * your own implements only the methods your code calls: a blocking method that is not
 * implemented throws {@link UnsupportedOperationException}; an {@code …Async} method completes
 * with what its blocking twin returns or throws (on the calling thread). The client's
 * implementations override every method.
 */
final class Fakes {

    private Fakes() {
    }

    static UnsupportedOperationException notFaked(String method) {
        return new UnsupportedOperationException(method + " is not implemented by this fake: override it in the fake "
                + "(the client built by SmartFile.builder() implements every method).");
    }

    /** The blocking call's outcome as a completed future; never throws. */
    static <T> CompletableFuture<T> supply(Supplier<T> blocking) {
        try {
            return CompletableFuture.completedFuture(blocking.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** As {@link #supply} for a call that returns nothing. */
    static CompletableFuture<Void> run(Runnable blocking) {
        return supply(() -> {
            blocking.run();
            return null;
        });
    }
}
