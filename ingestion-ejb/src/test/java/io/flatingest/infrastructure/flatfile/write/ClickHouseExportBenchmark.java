package io.flatingest.infrastructure.flatfile.write;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.FormatOptions;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hand-run end-to-end benchmark against a real server: {@code SELECT * FROM table FORMAT RowBinary} over HTTP
 * (client-v2, uncompressed), decoded, formatted and written as CSV, to compare with
 * {@code clickhouse-client --query "SELECT * FROM table FORMAT CSVWithNames" > file} on the same machine.
 * Arguments: server URL, table, output directory, rounds.
 */
public final class ClickHouseExportBenchmark {

    private ClickHouseExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String table = args[1];
        Path dir = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (Client client = new Client.Builder().addEndpoint(url).setUsername("default").setPassword("")
                .compressServerResponse(false).build()) {
            List<String> names = new ArrayList<>();
            List<ClickHouseType> types = new ArrayList<>();
            for (String line : text(client, "DESCRIBE TABLE " + table + " FORMAT TabSeparated").split("\n")) {
                String[] f = line.split("\t");
                names.add(f[0]);
                types.add(ClickHouseTypes.parse(f[1].replace("\\'", "'")));
            }
            ZoneId zone = ZoneId.of(text(client, "SELECT timezone() FORMAT TabSeparated").trim());
            List<ExportColumn> columns = names.stream().map(ExportColumn::of).toList();
            boolean pipelined = args.length > 4 && args[4].equals("pipelined");
            for (int round = 1; round <= rounds; round++) {
                Path file = dir.resolve("e2e.csv");
                long t0 = System.nanoTime();
                ExportFileWriter w = ExportFileWriter.open(file, columns, ExportFileOptions.csv().withOverwrite(true),
                        null);
                try (QueryResponse r = client.query("SELECT * FROM " + table + " FORMAT RowBinary")
                        .get(10, TimeUnit.MINUTES)) {
                    RowBinaryInput in = new RowBinaryInput(r.getInputStream());
                    RowDecoder decoder = new RowDecoder(names, types, FormatOptions.defaults().withServerZone(zone));
                    if (pipelined) {
                        pipelined(in, decoder, w);
                    } else {
                        long n = 0;
                        for (String[] row = decoder.next(in); row != null; row = decoder.next(in)) {
                            w.writeRow(row);
                            if (++n % 100_000 == 0) {
                                w.checkpoint();
                            }
                        }
                    }
                }
                double written = (System.nanoTime() - t0) / 1e9;
                w.commit();
                double total = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: %,d rows, %,d bytes: %.2f s written, %.2f s with commit (fsync), "
                        + "%,.0f rows/s%n", round, w.rowsWritten(), Files.size(file), written, total,
                        w.rowsWritten() / total);
            }
        }
    }

    /** Decoding on a second thread, a batch of 1000 rows ahead: what a prefetching item reader would do. */
    private static void pipelined(RowBinaryInput in, RowDecoder decoder, ExportFileWriter w) throws Exception {
        java.util.concurrent.BlockingQueue<String[][]> queue = new java.util.concurrent.ArrayBlockingQueue<>(64);
        String[][] end = new String[0][];
        Thread reader = new Thread(() -> {
            try {
                String[][] batch = new String[1000][];
                int k = 0;
                for (String[] row = decoder.next(in); row != null; row = decoder.next(in)) {
                    batch[k++] = row.clone();
                    if (k == batch.length) {
                        queue.put(batch);
                        batch = new String[1000][];
                        k = 0;
                    }
                }
                queue.put(java.util.Arrays.copyOf(batch, k));
                queue.put(end);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        long n = 0;
        for (String[][] batch = queue.take(); batch != end; batch = queue.take()) {
            for (String[] row : batch) {
                w.writeRow(row);
                if (++n % 100_000 == 0) {
                    w.checkpoint();
                }
            }
        }
        reader.join();
    }

    private static String text(Client client, String sql) throws Exception {
        try (QueryResponse r = client.query(sql).get(1, TimeUnit.MINUTES)) {
            return new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
