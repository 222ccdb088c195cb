package com.smartfile.sdk;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs Retrofit calls and hands back what the caller asked for, or the SDK's exception for what
 * went wrong. The one place where calls become results, synchronously or as futures.
 */
final class Invoker {

    /** Executes the call on this thread. */
    <T> T sync(Call<T> call) {
        return execute(call).body();
    }

    /** Executes the call on this thread; the whole successful reply, for callers that read its headers. */
    <T> Response<T> execute(Call<T> call) {
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
}
