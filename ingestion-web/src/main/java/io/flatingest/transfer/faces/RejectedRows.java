package io.flatingest.transfer.faces;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import io.flatingest.transfer.boundary.TransferService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rejected rows of an import, for the job page: read from the same reject file the download link serves,
 * cut after {@value #MAX_BYTES} bytes so that a huge file does not fill the page.
 */
@ApplicationScoped
public class RejectedRows {

    static final int MAX_BYTES = 128 * 1024;
    static final int MAX_ROWS = 200;

    @Inject
    TransferService transfers;

    /** The header and up to {@value #MAX_ROWS} rows; {@code truncated} when the file has more. */
    public record Sample(List<String> header, List<List<String>> rows, boolean truncated) {
    }

    /** Reads the sample of an import execution's reject file. */
    public Sample sample(long executionId) {
        Bounded out = new Bounded();
        try {
            transfers.rejects(executionId).writeTo(out);
        } catch (Full enough) {
            // the page shows the beginning only
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.buffer.toString(StandardCharsets.UTF_8);
        if (out.full) {
            text = text.substring(0, Math.max(0, text.lastIndexOf('\n') + 1));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = List.of();
        try (CSVReader reader = new CSVReader(new StringReader(text))) {
            List<String[]> all = reader.readAll();
            if (!all.isEmpty()) {
                header = List.of(all.get(0));
            }
            for (int i = 1; i < all.size() && rows.size() < MAX_ROWS; i++) {
                rows.add(List.of(all.get(i)));
            }
            return new Sample(header, rows, out.full || all.size() - 1 > MAX_ROWS);
        } catch (IOException | CsvException e) {
            throw new IllegalStateException("The reject file cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }

    private static final class Bounded extends OutputStream {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean full;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int room = MAX_BYTES - buffer.size();
            buffer.write(b, off, Math.min(room, len));
            if (len > room) {
                full = true;
                throw new Full();
            }
        }
    }
}
