package io.flatingest.batch.fileimport;

import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.FilePartition;
import io.flatingest.infrastructure.flatfile.RecordBoundaries;
import io.flatingest.infrastructure.flatfile.ReadOptions;
import io.flatingest.transfer.control.ImportFiles;
import io.flatingest.transfer.control.ImportParameters;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Splits a large plain file into partitions that start at exact record boundaries (quoted newlines included), so
 * that they parse in parallel and together read every record exactly once. Gzip and transcoded files, and files
 * under {@link #MIN_PARTITION_BYTES} per partition, get one partition. Deterministic: a restart (same file, as
 * the prepare step checks) gets the same plan.
 */
@Named
@Dependent
public class ImportPartitionMapper implements PartitionMapper {

    /** Smallest share of the file worth its own partition. */
    static final long MIN_PARTITION_BYTES = 32L << 20;

    /** File path relative to the landing directory. */
    @Inject
    @BatchProperty
    String file;

    /** The dialect as JSON. */
    @Inject
    @BatchProperty
    String dialect;

    /** Requested partitions; 0 (default) chooses from the file size and the processors. */
    @Inject
    @BatchProperty
    String partitions;

    @Inject
    ImportFiles files;

    @Override
    public PartitionPlan mapPartitions() throws Exception {
        Path path = files.source(file);
        Dialect d = ImportParameters.dialect(dialect);
        int wanted = partitions == null || partitions.isBlank() ? 0 : Integer.parseInt(partitions);
        long size = Files.size(path);
        if (wanted <= 0) {
            wanted = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), size / MIN_PARTITION_BYTES));
        }
        List<FilePartition> split = wanted == 1 ? List.of() : RecordBoundaries.partitions(path, d, wanted,
                ReadOptions.DEFAULT_MAX_RECORD_SIZE);
        if (split.isEmpty()) {
            split = List.of(new FilePartition(io.flatingest.infrastructure.flatfile.ReadPosition.BEGINNING, -1));
        }
        Properties[] props = new Properties[split.size()];
        for (int i = 0; i < props.length; i++) {
            FilePartition p = split.get(i);
            props[i] = new Properties();
            props[i].setProperty("partition", Integer.toString(i));
            props[i].setProperty("startOffset", Long.toString(p.start().offset()));
            props[i].setProperty("startLine", Long.toString(p.start().line()));
            props[i].setProperty("startRecord", Long.toString(p.start().record()));
            props[i].setProperty("endOffset", Long.toString(p.endOffset()));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(props.length);
        plan.setThreads(props.length);
        plan.setPartitionProperties(props);
        plan.setPartitionsOverride(false);
        return plan;
    }
}
