package io.flatingest.batch.fileexport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ranges read back to back in order; the next range's query sent while the current one is read; close. */
class KeyRangeStreamTest {

    private final ThreadFactory threads = Thread::new;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Boolean> closed = new ConcurrentHashMap<>();

    private KeyRangeStream.QueryStream result(String sql, String id) {
        opened.add(id);
        return new KeyRangeStream.QueryStream() {
            @Override
            public InputStream body() {
                return new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
                closed.put(id, true);
            }
        };
    }

    private static List<KeyRangeStream.Range> ranges(String... bodies) {
        return java.util.stream.IntStream.range(0, bodies.length)
                .mapToObj(i -> new KeyRangeStream.Range(bodies[i], "q-" + i)).toList();
    }

    @Test
    void readsTheRangesBackToBackInOrderAndClosesEach() throws IOException {
        try (KeyRangeStream in = new KeyRangeStream(ranges("abc", "", "defg", "h"), this::result, threads)) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[2];
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                all.write(buf, 0, n);
            }
            assertEquals("abcdefgh", all.toString(StandardCharsets.UTF_8));
            assertEquals(-1, in.read());
            assertEquals(List.of("q-0", "q-1", "q-2", "q-3"), opened);
            assertEquals(List.of("q-0", "q-1", "q-2", "q-3"), in.startedQueryIds());
            assertEquals(4, closed.size(), "every finished range is closed");
        }
    }

    @Test
    void sendsTheNextRangesQueryWhileTheCurrentOneIsRead() throws Exception {
        CountDownLatch secondSent = new CountDownLatch(1);
        KeyRangeStream.QueryStream first = new KeyRangeStream.QueryStream() {
            @Override
            public InputStream body() {
                return new InputStream() {
                    private boolean done;

                    @Override
                    public int read() throws IOException {
                        if (done) {
                            return -1;
                        }
                        try {
                            // the first range ends only once the second one's query has been sent
                            assertTrue(secondSent.await(10, TimeUnit.SECONDS), "the second range was not sent ahead");
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        done = true;
                        return 'x';
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        try (KeyRangeStream in = new KeyRangeStream(ranges("x", "y"), (sql, id) -> {
            if (id.equals("q-0")) {
                return first;
            }
            secondSent.countDown();
            return result(sql, id);
        }, threads)) {
            assertArrayEquals("xy".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void aClosedStreamRefusesToReadAndClosesTheRangeSentAhead() throws Exception {
        KeyRangeStream in = new KeyRangeStream(ranges("abc", "def"), this::result, threads);
        assertEquals('a', in.read());
        in.close();
        assertThrows(IOException.class, in::read);
        assertEquals(List.of("q-0", "q-1"), in.startedQueryIds(), "both ids, to cancel on the server");
        assertTrue(closed.containsKey("q-0"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!closed.containsKey("q-1") && opened.contains("q-1") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(!opened.contains("q-1") || closed.containsKey("q-1"), "a range sent ahead is closed too");
    }
}
