package com.smartfile.emulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.smartfile.sdk.model.UploadProgress;

/**
 * {@code GET path/progress/{uuid}/}: the progress of a v2 upload that carried
 * {@code X-Upload-UUID: {uuid}}, as {@code {state, received, size}} (nginx's upload-progress fields:
 * {@code uploading}, then {@code done}, or {@code error} with the reply's {@code status}). 404 for a
 * uuid no upload used. The last 1,000 uploads are remembered.
 */
final class UploadProgressRoutes {

    /** The request header that names an upload. */
    static final String HEADER = "X-Upload-UUID";
    private static final int KEPT = 1000;

    private final Map<String, UploadProgress> uploads = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UploadProgress> eldest) {
            return size() > KEPT;
        }
    };

    void register(Router v2) {
        v2.add("GET", "path/progress/*", this::get);
    }

    private void get(ApiRequest req, List<String> vars) throws IOException, ApiException {
        UploadProgress p;
        synchronized (uploads) {
            p = uploads.get(vars.get(0));
        }
        if (p == null) {
            throw ApiException.notFound();
        }
        req.json(200, p);
    }

    /**
     * Counts an upload's body bytes under its {@code X-Upload-UUID}, if it has one.
     *
     * @param req the upload
     * @param body its body
     * @return the body, counted
     */
    InputStream track(ApiRequest req, InputStream body) {
        String uuid = req.header(HEADER);
        if (uuid == null || uuid.isBlank()) {
            return body;
        }
        String length = req.header("Content-Length");
        Long size = length == null ? null : Long.valueOf(length.trim());
        put(uuid, UploadProgress.builder().state("uploading").received(0L).size(size).build());
        return new FilterInputStream(body) {
            private long received;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                received += n;
                put(uuid, UploadProgress.builder().state("uploading").received(received).size(size).build());
            }
        };
    }

    /**
     * Records how an upload ended.
     *
     * @param req the upload
     * @param status the reply's status (2xx: {@code done})
     */
    void finished(ApiRequest req, int status) {
        String uuid = req.header(HEADER);
        if (uuid == null || uuid.isBlank()) {
            return;
        }
        synchronized (uploads) {
            UploadProgress old = uploads.get(uuid);
            UploadProgress.Builder b = old == null ? UploadProgress.builder() : old.toBuilder();
            if (status >= 200 && status < 300) {
                b.state("done").status(null);
                if (old != null && old.getSize() != null) {
                    b.received(old.getSize());
                }
            } else {
                b.state("error").status(status);
            }
            uploads.put(uuid, b.build());
        }
    }

    private void put(String uuid, UploadProgress p) {
        synchronized (uploads) {
            uploads.put(uuid, p);
        }
    }
}
