package com.smartfile.sdk;

import java.io.IOException;

import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * A request body that passes everything to another one; subclasses change only {@code writeTo}.
 * One-shot and duplex flags are forwarded, so a wrapper never makes a stream look replayable.
 */
abstract class ForwardingRequestBody extends RequestBody {

    final RequestBody delegate;

    ForwardingRequestBody(RequestBody delegate) {
        this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
        return delegate.contentLength();
    }

    @Override
    public boolean isOneShot() {
        return delegate.isOneShot();
    }

    @Override
    public boolean isDuplex() {
        return delegate.isDuplex();
    }
}
