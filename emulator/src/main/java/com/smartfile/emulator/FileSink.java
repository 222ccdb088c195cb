package com.smartfile.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes an upload's bytes to a file in large chunks: bytes are gathered in a 1 MiB buffer and
 * written to the {@link FileChannel} when it is full, so a 1 GiB upload costs about a thousand
 * {@code write} calls instead of a hundred thousand. The large buffers come from a pool of at most
 * {@value #POOLED} per JVM (8 MiB in all, whatever the number of server threads); when they are all
 * in use, a writer gets a 64 KiB buffer of its own, so memory stays bounded under any load.
 *
 * <p>Closing the sink writes what is left and closes the channel.
 */
final class FileSink extends OutputStream {

    /** The size of a pooled buffer. */
    static final int CHUNK = 1024 * 1024;

    private static final int POOLED = 8;
    private static final int FALLBACK = 64 * 1024;
    private static final ArrayBlockingQueue<byte[]> POOL = new ArrayBlockingQueue<>(POOLED);
    private static final AtomicInteger ALLOCATED = new AtomicInteger();

    private final FileChannel channel;
    private byte[] buf;
    private int count;

    /**
     * Wraps a channel open for writing, at its current position.
     *
     * @param channel the channel (closed with the sink)
     */
    FileSink(FileChannel channel) {
        this.channel = channel;
        this.buf = borrow();
    }

    private static byte[] borrow() {
        byte[] b = POOL.poll();
        if (b != null) {
            return b;
        }
        if (ALLOCATED.incrementAndGet() <= POOLED) {
            return new byte[CHUNK];
        }
        ALLOCATED.decrementAndGet();
        return new byte[FALLBACK];
    }

    /**
     * Copies a stream to the end, reading straight into the buffer.
     *
     * @param in the source
     * @return the bytes copied
     * @throws IOException when reading or writing fails
     */
    long readFrom(InputStream in) throws IOException {
        long total = 0;
        while (true) {
            if (count == buf.length) {
                drain();
            }
            int n = in.read(buf, count, buf.length - count);
            if (n < 0) {
                return total;
            }
            count += n;
            total += n;
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            drain();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buf.length) {
                drain();
            }
            int n = Math.min(len, buf.length - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    private void drain() throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, count);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
        count = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
    }

    @Override
    public void close() throws IOException {
        if (buf == null) {
            return;
        }
        try {
            drain();
        } finally {
            byte[] b = buf;
            buf = null;
            if (b.length == CHUNK && !POOL.offer(b)) {
                ALLOCATED.decrementAndGet();
            }
            channel.close();
        }
    }
}
