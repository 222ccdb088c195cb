package com.smartfile.sdk;

import java.util.concurrent.CompletableFuture;

import com.smartfile.sdk.api.SessionApi;
import com.smartfile.sdk.model.Session;
import retrofit2.Call;

/**
 * Browser-style login sessions ({@code session/}): create one with the client's credentials, read
 * it, end it. Get it from {@link SmartFile#session()}. The client itself always authenticates each
 * call with its credentials, so applications rarely need this.
 */
public final class SessionService {

    private final SessionApi api;
    private final Invoker invoker;

    SessionService(SessionApi api, Invoker invoker) {
        this.api = api;
        this.invoker = invoker;
    }

    /**
     * Opens a session for the client's credentials.
     *
     * @return the new session
     */
    public Session create() {
        return invoker.sync(api.createSession());
    }

    /**
     * Opens a session, asynchronously.
     *
     * @return a future of the new session
     */
    public CompletableFuture<Session> createAsync() {
        return invoker.async(api.createSession());
    }

    /**
     * Reads the current session.
     *
     * @return the session
     */
    public Session get() {
        return invoker.sync(api.getSession());
    }

    /**
     * Reads the current session, asynchronously.
     *
     * @return a future of the session
     */
    public CompletableFuture<Session> getAsync() {
        return invoker.async(api.getSession());
    }

    /** Ends the current session. */
    public void delete() {
        invoker.sync(deleteCall());
    }

    /**
     * Ends the current session, asynchronously.
     *
     * @return a future that completes when the server has answered
     */
    public CompletableFuture<Void> deleteAsync() {
        return invoker.async(deleteCall());
    }

    private Call<Void> deleteCall() {
        return api.deleteSession();
    }
}
