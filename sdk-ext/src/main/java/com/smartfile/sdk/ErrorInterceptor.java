package com.smartfile.sdk;

import java.io.IOException;
import java.util.List;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns every unsuccessful reply into its {@link ApiException}, for typed and raw calls alike.
 * It is the outermost interceptor, so it sees the reply that is left after retries.
 */
final class ErrorInterceptor implements Interceptor {

    private final List<String> secrets;

    /**
     * @param secrets values scrubbed from error messages and bodies, should the server echo them
     */
    ErrorInterceptor(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful()) {
            return response;
        }
        try (Response failed = response) {
            throw new SmartFileIOException(ErrorMapper.fromResponse(failed, secrets));
        }
    }
}
