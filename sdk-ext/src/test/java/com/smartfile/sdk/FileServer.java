package com.smartfile.sdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * A MockWebServer dispatcher serving one file, as a real server would: {@code Range: bytes=N-}
 * answered 206 with {@code Content-Range} (unless told to ignore ranges), an {@code ETag}, and the
 * first {@code cuts} replies cut off in the middle of their body (the socket closes halfway), and
 * the next {@code stalls} stalled there (nothing more is sent).
 */
final class FileServer extends Dispatcher {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private volatile byte[] data;
    private volatile int cuts;
    private volatile int stalls;
    private volatile boolean honourRange = true;
    private volatile boolean wrongContentRange;
    private volatile String etag = "\"v1\"";
    private volatile String lastModified;
    private volatile String date;
    private volatile boolean honourIfRange;
    final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    FileServer(byte[] data) {
        this.data = data;
    }

    FileServer cuts(int cuts) {
        this.cuts = cuts;
        return this;
    }

    private volatile boolean refuseResumes;

    /** Closes the connection of every ranged request before any byte of a reply: resumes find no server. */
    FileServer refuseResumes() {
        this.refuseResumes = true;
        return this;
    }

    /** The first {@code stalls} replies (after any cut ones) stop sending halfway through their body and keep the connection open. */
    FileServer stalls(int stalls) {
        this.stalls = stalls;
        return this;
    }

    FileServer ignoreRange() {
        this.honourRange = false;
        return this;
    }

    /** Answers ranged requests with 206 but a {@code Content-Range} from byte 0 (and the whole file). */
    FileServer wrongContentRange() {
        this.wrongContentRange = true;
        return this;
    }

    private volatile byte[] changeTo;

    /** The file changes right after the first reply: new content and a new ETag. */
    FileServer changesAfterFirstReply(byte[] newData) {
        this.changeTo = newData;
        return this;
    }

    /** The ETag sent (null: none; {@code W/"…"}: a weak one, which a change of content need not alter). */
    FileServer etag(String etag) {
        this.etag = etag;
        return this;
    }

    /** Sends {@code Last-Modified} and {@code Date} (null: not sent). */
    FileServer dates(String lastModified, String date) {
        this.lastModified = lastModified;
        this.date = date;
        return this;
    }

    /** Answers a ranged request whose {@code If-Range} names another version with the whole file (200). */
    FileServer honourIfRange() {
        this.honourIfRange = true;
        return this;
    }

    List<String> headers(String name) {
        List<String> out = new ArrayList<>();
        synchronized (requests) {
            for (RecordedRequest r : requests) {
                out.add(r.getHeaders().get(name));
            }
        }
        return out;
    }

    List<String> ranges() {
        List<String> out = new ArrayList<>();
        synchronized (requests) {
            for (RecordedRequest r : requests) {
                out.add(r.getHeaders().get("Range"));
            }
        }
        return out;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        byte[] file = data;
        String range = request.getHeaders().get("Range");
        long start = 0;
        if (range != null && honourRange) {
            Matcher m = RANGE.matcher(range);
            if (m.matches()) {
                start = Long.parseLong(m.group(1));
            }
        }
        String ifRange = request.getHeaders().get("If-Range");
        if (honourIfRange && ifRange != null && !ifRange.equals(etag) && !ifRange.equals(lastModified)) {
            start = 0;
        }
        if (refuseResumes && range != null) {
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        }
        MockResponse.Builder b = new MockResponse.Builder().addHeader("Content-Type", "application/octet-stream");
        if (etag != null) {
            b.addHeader("ETag", etag);
        }
        if (lastModified != null) {
            b.addHeader("Last-Modified", lastModified);
        }
        if (date != null) {
            b.addHeader("Date", date);
        }
        if (start > 0 && wrongContentRange) {
            b.code(206).addHeader("Content-Range", "bytes 0-" + (file.length - 1) + "/" + file.length)
                    .body(new Buffer().write(file));
        } else if (start > 0) {
            b.code(206).addHeader("Content-Range", "bytes " + start + "-" + (file.length - 1) + "/" + file.length)
                    .body(new Buffer().write(Arrays.copyOfRange(file, (int) start, file.length)));
        } else {
            b.code(200).body(new Buffer().write(file));
        }
        if (changeTo != null) {
            data = changeTo;
            if (etag != null && !etag.startsWith("W/")) {
                etag = "\"v2\"";
            }
            changeTo = null;
        }
        synchronized (this) {
            if (cuts > 0) {
                cuts--;
                b.onResponseBody(new SocketEffect.CloseSocket());
            } else if (stalls > 0) {
                stalls--;
                b.onResponseBody(SocketEffect.Stall.INSTANCE);
            }
        }
        return b.build();
    }
}
