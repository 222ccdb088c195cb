package com.smartfile.sdk;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The calls of one client that have not ended: from the first attempt until the reply's body is
 * closed. OkHttp's dispatcher forgets a call once its reply's headers arrived, while a download
 * may still be reading the body for minutes; {@link SmartFile#close()} cancels these, so that a
 * read blocked on a stalled server ends at once.
 */
final class OpenCalls implements Interceptor {

    private final Set<Call> open = ConcurrentHashMap.newKeySet();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Call call = chain.call();
        open.add(call);
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException | Error e) {
            open.remove(call);
            throw e;
        }
        ResponseBody body = response.body();
        BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
            @Override
            public void close() throws IOException {
                open.remove(call);
                super.close();
            }
        });
        return response.newBuilder().body(ResponseBody.create(source, body.contentType(), body.contentLength())).build();
    }

    /** Cancels every call that has not ended. */
    void cancelAll() {
        for (Call call : open) {
            call.cancel();
        }
    }
}
