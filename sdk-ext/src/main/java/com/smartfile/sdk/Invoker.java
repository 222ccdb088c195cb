package com.smartfile.sdk;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs requests and hands back what the caller asked for, or the SDK's exception for what went
 * wrong: the one place where requests become results, synchronously or as futures. Typed
 * (Retrofit) calls and requests built by hand (raw calls, downloads and their resumes) run on the
 * same client, so through the same interceptors: one retry mechanism ({@link RetryInterceptor}),
 * one error mapping ({@link ErrorMapper}).
 */
final class Invoker {

    private final okhttp3.Call.Factory http;
    private volatile boolean closed;

    /** @param http the client's configured OkHttp client, which Retrofit's calls also run on */
    Invoker(okhttp3.Call.Factory http) {
        this.http = http;
    }

    /**
     * Sends a request built by hand: the reply when it is successful (the caller reads and closes
     * it), else the exception for it.
     */
    okhttp3.Response send(okhttp3.Request request) {
        checkOpen(request.method() + " " + Redaction.url(request.url()));
        okhttp3.Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException | RuntimeException e) {
            throw ErrorMapper.fromFailure(request, e);
        }
        if (!response.isSuccessful()) {
            // ErrorInterceptor maps errors first; this is only reached if that chain was bypassed.
            try (okhttp3.Response failed = response) {
                throw ErrorMapper.fromResponse(failed);
            }
        }
        return response;
    }

    /** Executes the call on this thread. */
    <T> T sync(Call<T> call) {
        return execute(call).body();
    }

    /** Executes the call on this thread; the whole successful reply, for callers that read its headers. */
    <T> Response<T> execute(Call<T> call) {
        checkOpen(call.request().method() + " " + Redaction.url(call.request().url()));
        Response<T> response;
        try {
            response = call.execute();
        } catch (IOException | RuntimeException e) {
            throw ErrorMapper.fromFailure(call.request(), e);
        }
        if (!response.isSuccessful()) {
            // ErrorInterceptor maps errors first; this is only reached if that chain was bypassed.
            throw ErrorMapper.fromResponse(response.raw());
        }
        return response;
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
            checkOpen(call.request().method() + " " + Redaction.url(call.request().url()));
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
                    future.completeExceptionally(ErrorMapper.fromFailure(c.request(), e));
                }
            }

            @Override
            public void onFailure(Call<T> c, Throwable t) {
                future.completeExceptionally(ErrorMapper.fromFailure(c.request(), t));
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

    /**
     * Runs blocking work (a transfer) on the client's threads; the same contract as
     * {@link #async}: never throws, a closed client or bad input fails the future.
     */
    <T> CompletableFuture<T> onThreads(Supplier<T> work, Executor threads) {
        if (closed) {
            return CompletableFuture.failedFuture(closedFor("an asynchronous transfer"));
        }
        try {
            return CompletableFuture.supplyAsync(work, threads);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closedFor("an asynchronous transfer"));
        }
    }

    /** From now on every call fails with {@link ClientClosedException} before anything is sent. */
    void close() {
        closed = true;
    }

    /** Whether {@link #close()} was called: a download in progress then fails rather than resume. */
    boolean isClosed() {
        return closed;
    }

    private void checkOpen(String what) {
        if (closed) {
            throw closedFor(what);
        }
    }

    private static ClientClosedException closedFor(String what) {
        return new ClientClosedException("The SmartFile client was closed before " + what + "; nothing was sent. "
                + "Build a new client with SmartFile.builder(), and close a client only after its last call.");
    }
}
