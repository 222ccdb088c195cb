package com.smartfile.sdk;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs Retrofit calls and hands back what the caller asked for, or the SDK's exception for what
 * went wrong. The one place where calls become results, synchronously or as futures.
 */
final class Invoker {

    /** The message of the exception OkHttp throws when a call's {@code callTimeout} runs out. */
    private static final String CALL_TIMEOUT = "timeout";

    /** Executes the call on this thread. */
    <T> T sync(Call<T> call) {
        try {
            return unwrap(call.execute());
        } catch (IOException | RuntimeException e) {
            throw translate(call.request(), e);
        }
    }

    /**
     * The one asynchronous path: builds the call (checking the arguments) and enqueues it. Never
     * throws: a bad argument, like any other failure, completes the future exceptionally with the
     * exception the synchronous form throws. Cancelling the future cancels the call.
     */
    <T> CompletableFuture<T> async(Supplier<Call<T>> build) {
        Call<T> call;
        try {
            call = build.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        call.enqueue(new Callback<T>() {
            @Override
            public void onResponse(Call<T> c, Response<T> response) {
                try {
                    future.complete(unwrap(response));
                } catch (RuntimeException e) {
                    future.completeExceptionally(translate(c.request(), e));
                }
            }

            @Override
            public void onFailure(Call<T> c, Throwable t) {
                future.completeExceptionally(translate(c.request(), t));
            }
        });
        future.whenComplete((value, error) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        return future;
    }

    private static <T> T unwrap(Response<T> response) {
        if (!response.isSuccessful()) {
            // ErrorInterceptor maps errors first; this is only reached if that chain was bypassed.
            throw ErrorMapper.fromResponse(response.raw());
        }
        return response.body();
    }

    /** Maps any failure of a call to the SDK's exception for it. */
    static SmartFileException translate(Request request, Throwable t) {
        if (t instanceof SmartFileException) {
            return (SmartFileException) t;
        }
        if (t instanceof SmartFileIOException) {
            return ((SmartFileIOException) t).exception();
        }
        String what = request.method() + " " + Redaction.url(request.url());
        if (t instanceof JsonDataException || t instanceof JsonEncodingException || t instanceof EOFException) {
            return new InvalidReplyException("The reply to " + what + " could not be read as the expected JSON ("
                    + t.getMessage() + "). The request may have taken effect; check before repeating it.", t);
        }
        if (t instanceof IOException) {
            return new TransportException(describe(what, (IOException) t), t);
        }
        return new SmartFileException("Unexpected failure of " + what + ": " + t, t);
    }

    private static String describe(String what, IOException e) {
        RetryInterceptor.Outcome outcome = RetryInterceptor.Outcome.of(e);
        return what(what, e) + (outcome == null ? "" : " " + outcome.getMessage());
    }

    private static String what(String what, IOException e) {
        if (e instanceof UnknownHostException) {
            return "Cannot resolve the host of " + what + ". Check the base URL and the network.";
        }
        if (e instanceof ConnectException) {
            return "Cannot connect for " + what + " (" + e.getMessage() + "). Check the base URL and that the server is up.";
        }
        if (e instanceof SocketTimeoutException) {
            return "Timed out on " + what + " (" + e.getMessage() + "). The server is slow or unreachable; "
                    + "raise the timeouts in SmartFile.builder() if large replies are expected.";
        }
        if (e instanceof InterruptedIOException && CALL_TIMEOUT.equals(e.getMessage()) && !Thread.currentThread().isInterrupted()) {
            return "The call timeout ran out on " + what + ": the whole call, retries and their waits included, must end "
                    + "within callTimeout(…) of SmartFile.builder(). The request may have taken effect; check before "
                    + "repeating it.";
        }
        if (e instanceof InterruptedIOException) {
            return "Interrupted on " + what + " (" + e.getMessage() + ").";
        }
        if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("unexpected end of stream")) {
            return "The reply to " + what + " ended early (" + e.getMessage() + "): the connection dropped, or the server "
                    + "announced more bytes than it sent. The request may have taken effect; check before repeating it.";
        }
        return "Connection failed on " + what + " (" + e + ").";
    }
}
