package com.smartfile.sdk;

/**
 * 401 Unauthorized, or a 403 whose body says the OAuth signature could not be verified or (older
 * servers) that the request needs to "login or otherwise authenticate": the credentials were
 * refused. Check the API key and password, or the OAuth tokens and secrets.
 */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    AuthenticationException(ErrorReply reply) {
        super(reply);
    }
}
