package com.smartfile.sdk;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import com.smartfile.sdk.internal.PathsApi;

/**
 * Downloads, behind the download methods of {@link PathsService}: each streams through a
 * {@link DownloadSession} (which resumes) to its destination. A download to a file goes to the
 * target's {@link PartFile} in the same folder, moved over the target only when complete and
 * verified ({@link LocalFiles#move}).
 */
final class Downloads {

    /** Downloads forced to disk before their move, counted for the tests of {@link DownloadOptions.Builder#durable}. */
    static final AtomicLong FORCED = new AtomicLong();

    private final Invoker invoker;
    private final PathsApi v2;
    private final RetryPolicy policy;

    Downloads(Invoker invoker, PathsApi v2, RetryPolicy policy) {
        this.invoker = invoker;
        this.v2 = v2;
        this.policy = policy;
    }

    private DownloadSession session(String path, DownloadOptions options, DownloadSession.@Nullable Restart restart) {
        return new DownloadSession(invoker, v2, path, options == null ? DownloadOptions.defaults() : options,
                new RetryBudget(policy.getMaxAttempts()), restart);
    }

    /**
     * To a file: the target's {@link PartFile} (resumed when a previous run left one of the same
     * version), moved over the target once complete and verified (and, when
     * {@link DownloadOptions#durable} asks, forced to disk first).
     */
    long download(String path, Path localFile, DownloadOptions options) {
        DownloadSession.fileId(path);
        DownloadOptions o = options == null ? DownloadOptions.defaults() : options;
        Path target = LocalFiles.checkTarget(localFile);
        PartFile part = PartFile.open(target);
        boolean moved = false;
        try {
            FileChannel channel = part.channel;
            DownloadSession.Restart truncate = new DownloadSession.Restart() {
                @Override
                public void restart() throws IOException {
                    channel.truncate(0);
                    channel.position(0);
                }

                @Override
                public void validator(@Nullable String ifRange) {
                    part.validator(ifRange);
                }
            };
            long received;
            try (DownloadSession session = session(path, o, truncate)) {
                if (part.existing > 0 && o.maxResumes > 0) {
                    channel.position(0);
                    session.openFrom(part.existing, part.existingValidator, Channels.newInputStream(channel));
                    channel.position(session.received());
                } else {
                    channel.truncate(0);
                    session.open();
                }
                byte[] buffer = new byte[Bodies.CHUNK];
                for (int n; (n = session.readFully(buffer, 0, buffer.length)) != -1; ) {
                    ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                    while (bb.hasRemaining()) {
                        channel.write(bb);
                    }
                }
                received = session.received();
            }
            if (o.durable) {
                channel.force(true);
                FORCED.incrementAndGet();
            }
            part.forget();
            part.permissionsOf(target);
            LocalFiles.move(part.path, target);
            moved = true;
            return received;
        } catch (IOException e) {
            throw new LocalFileException("Could not write the download of " + PathIds.formValue(path) + " to " + part.path
                    + " (" + LocalFiles.reason(e) + "). Nothing was left under " + target + ".", e);
        } finally {
            if (moved) {
                part.close();
            } else {
                part.delete();
            }
        }
    }

    /** To a caller's stream, which is flushed but not closed. */
    long download(String path, OutputStream out, DownloadOptions options) {
        DownloadSession.fileId(path);
        if (out == null) {
            throw new InvalidInputException("The stream to download " + PathIds.formValue(path) + " into must not be null.");
        }
        try (DownloadSession session = session(path, options, null)) {
            session.open();
            byte[] buffer = new byte[Bodies.CHUNK];
            try {
                for (int n; (n = session.readFully(buffer, 0, buffer.length)) != -1; ) {
                    out.write(buffer, 0, n);
                }
                out.flush();
            } catch (IOException e) {
                throw new LocalFileException("Could not write the download of " + PathIds.formValue(path)
                        + " to the given stream after " + session.received() + " bytes (" + e + ").", e);
            }
            return session.received();
        }
    }

    /** As a stream the caller reads and closes. */
    InputStream openDownload(String path, DownloadOptions options) {
        DownloadSession session = session(path, options, null);
        session.open();
        return new InputStream() {
            private boolean closed;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n;
                while ((n = read(one, 0, 1)) == 0) {
                    // read(byte[]) may return 0 only for len 0; loop for safety
                }
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (closed) {
                    throw new IOException("The download stream of " + PathIds.formValue(path) + " is closed.");
                }
                if (off < 0 || len < 0 || len > b.length - off) {
                    throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + b.length);
                }
                if (len == 0) {
                    return 0;
                }
                try {
                    return session.read(b, off, len);
                } catch (RuntimeException e) {
                    close(); // a failed download is over: later reads say so instead of starting again
                    throw e;
                }
            }

            @Override
            public void close() {
                closed = true;
                session.close();
            }
        };
    }
}
