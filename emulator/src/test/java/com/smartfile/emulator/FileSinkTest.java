package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upload bodies reach the file in large writes (about one per MiB), whatever the size of the
 * reads from the connection, and the bytes arrive unchanged; many writers at once stay within the
 * bounded buffer pool.
 */
class FileSinkTest {

    /** A file channel that counts its write calls (and their sizes). */
    static final class CountingChannel extends FileChannel {
        final FileChannel real;
        final List<Integer> writes = new ArrayList<>();

        CountingChannel(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = real.write(src);
            writes.add(n);
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = real.write(srcs, offset, length);
            writes.add((int) n);
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int n = real.write(src, position);
            writes.add(n);
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return real.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }

    /** Hands out at most 8 KiB per read, as a socket often does. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 8192));
            }
        };
    }

    @Test
    void streamsAndMultipartPartsAreWrittenInMebibyteChunks(@TempDir Path dir) throws Exception {
        byte[] data = new byte[8 * FileSink.CHUNK + 12345];
        new Random(7).nextBytes(data);

        Path streamed = dir.resolve("streamed");
        CountingChannel a = new CountingChannel(FileChannel.open(streamed, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        try (FileSink sink = new FileSink(a)) {
            assertEquals(data.length, sink.readFrom(trickle(data)));
        }
        assertArrayEquals(data, Files.readAllBytes(streamed));
        assertEquals(9, a.writes.size(), "one write per MiB and one for the rest: " + a.writes.size());

        // the multipart parser pushes its 64 KiB buffer's worth at a time
        Path pushed = dir.resolve("pushed");
        CountingChannel b = new CountingChannel(FileChannel.open(pushed, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        try (FileSink sink = new FileSink(b)) {
            for (int off = 0; off < data.length; off += 65536) {
                sink.write(data, off, Math.min(65536, data.length - off));
            }
        }
        assertArrayEquals(data, Files.readAllBytes(pushed));
        assertEquals(9, b.writes.size());
        assertTrue(b.writes.subList(0, 8).stream().allMatch(n -> n == FileSink.CHUNK));
    }

    @Test
    void moreWritersThanPooledBuffersStillWriteEverything(@TempDir Path dir) throws Exception {
        byte[] data = new byte[2 * FileSink.CHUNK + 1];
        new Random(8).nextBytes(data);
        List<FileSink> open = new ArrayList<>();
        List<CountingChannel> channels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            CountingChannel ch = new CountingChannel(FileChannel.open(dir.resolve("f" + i),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            channels.add(ch);
            open.add(new FileSink(ch));
        }
        for (FileSink sink : open) {
            sink.readFrom(trickle(data));
        }
        for (FileSink sink : open) {
            sink.close();
        }
        int large = 0;
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("f" + i)));
            if (channels.get(i).writes.size() == 3) {
                large++;
            }
        }
        assertTrue(large <= 8, "at most 8 writers hold a 1 MiB buffer at once, got " + large);
        for (CountingChannel ch : channels) {
            assertTrue(ch.writes.size() == 3 || ch.writes.size() == 33, "1 MiB or 64 KiB writes: " + ch.writes.size());
        }
        assertTrue(large >= 1, "the pool hands out large buffers");
    }
}
