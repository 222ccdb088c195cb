package com.smartfile.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MultipartParserTest {

    /** Hands out at most a few bytes per read, to exercise every buffer boundary. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void readsFilesAndFieldsWhateverTheReadSizes() throws IOException {
        byte[] big = new byte[200_000];
        new Random(1).nextBytes(big);
        // content that looks almost like the delimiter must survive
        byte[] tricky = "line\r\n--bound\r\n--boundar\r\n-".getBytes(StandardCharsets.UTF_8);
        String boundary = "boundary";
        byte[] body = concat("preamble\r\n".getBytes(StandardCharsets.UTF_8), TestClient.multipart(boundary,
                new TestClient.Part("title", null, "hello".getBytes(StandardCharsets.UTF_8)),
                new TestClient.Part("file", "big.bin", big),
                new TestClient.Part("report.pdf", "tricky.txt", tricky),
                new TestClient.Part("bin", "empty", new byte[0])));
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            MultipartParser parser = new MultipartParser(trickle(body, chunk), boundary);
            MultipartParser.Part p = parser.next();
            assertEquals("title", p.name());
            assertNull(p.filename());
            p = parser.next(); // the field's content is skipped
            assertEquals("big.bin", p.filename());
            assertArrayEquals(big, read(p));
            p = parser.next();
            assertEquals("report.pdf", p.name());
            assertArrayEquals(tricky, read(p));
            p = parser.next();
            assertEquals("empty", p.filename());
            assertArrayEquals(new byte[0], read(p));
            assertNull(parser.next());
        }
    }

    @Test
    void failsOnATruncatedBody() throws IOException {
        byte[] body = TestClient.multipart("b", new TestClient.Part("file", "a.txt", new byte[1000]));
        MultipartParser parser = new MultipartParser(new ByteArrayInputStream(Arrays.copyOf(body, 500)), "b");
        MultipartParser.Part p = parser.next();
        assertThrows(IOException.class, () -> read(p));
    }

    @Test
    void readsBoundaryAndFileNameParameters() {
        assertEquals("abc", MultipartParser.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartParser.boundary("Multipart/Form-Data; charset=x; boundary=\"a b\""));
        assertNull(MultipartParser.boundary("application/json"));
        assertEquals("x\"y.txt", MultipartParser.parameters("form-data; name=\"f\"; filename=\"x\\\"y.txt\"")
                .get("filename"));
    }

    private static byte[] read(MultipartParser.Part p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.transferTo(out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
