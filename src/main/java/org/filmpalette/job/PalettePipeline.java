package org.filmpalette.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.filmpalette.store.TableSchemas.ALGORITHM;
import static org.filmpalette.store.TableSchemas.COLORS;
import static org.filmpalette.store.TableSchemas.COLOR_SPACE;
import static org.filmpalette.store.TableSchemas.COST;
import static org.filmpalette.store.TableSchemas.EMBEDDING;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.K;
import static org.filmpalette.store.TableSchemas.RUN_ID;
import static org.filmpalette.store.TableSchemas.SAMPLED_PIXELS;
import static org.filmpalette.store.TableSchemas.SEED;
import static org.filmpalette.store.TableSchemas.STATUS;
import static org.filmpalette.store.TableSchemas.STATUS_OK;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Encoders;
import org.apache.spark.storage.StorageLevel;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.FilmEngine;
import org.filmpalette.config.JobConfig;
import org.filmpalette.config.StillEngine;
import org.filmpalette.config.RunMode;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.neighbors.EmbeddingColumn;
import org.filmpalette.neighbors.NeighborSearch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.CommitObserver;
import org.filmpalette.store.FilmSet;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.RunBranch;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the palette job, in the order of docs/design.md §1: list → plan → decode and sample → cluster stills →
 * check → write frames and stills → fit films → find nearest films → publish. Only new and changed frames are decoded
 * unless the run is
 * {@code --full}. Everything is written on the run's Iceberg branches ({@link RunBranch}); readers see nothing of it
 * until it is published, one compare-and-swap commit per table, then the {@code runs} row with each table's snapshot.
 */
public final class PalettePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(PalettePipeline.class);
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SparkSession spark;
    private final JobConfig config;
    private final PaletteTables tables;
    private final CommitObserver observer;
    private final String runId;
    private final Instant startedAt = Instant.now();
    private final long jvmUptimeAtStart = ManagementFactory.getRuntimeMXBean().getUptime();
    private final long cpuNanosAtStart = processCpuNanos();
    private final Map<String, double[]> stageSeconds = new LinkedHashMap<>();
    private String currentStage;
    private long stageStartNanos;
    private long stageStartCpuNanos;

    public PalettePipeline(SparkSession spark, JobConfig config) {
        this(spark, config, CommitObserver.NONE);
    }

    /** A run whose commit reports to {@code observer}: the seam crash tests stop a run at. */
    public PalettePipeline(SparkSession spark, JobConfig config, CommitObserver observer) {
        this.spark = spark;
        this.config = config;
        this.tables = new PaletteTables(spark, config.tables());
        this.observer = observer;
        this.runId = RUN_ID_TIME.format(startedAt) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    public RunSummary run() {
        LOG.info("Run {} with configuration:\n{}", runId, config.describe());
        JavaRDD<Row> listed = list();
        try {
            stage("open the tables");
            tables.createOrEvolve();
            try (RunBranch branch = RunBranch.start(spark, tables, runId, observer)) {
                return computeAndCommit(listed, branch);
            }
        } finally {
            listed.unpersist(false);
            logStageTimes();
        }
    }

    private RunSummary computeAndCommit(JavaRDD<Row> listed, RunBranch branch) {
        CommittedState committed = CommittedState.of(tables, branch);
        IncrementalPlan plan = plan(listed, committed);
        if (plan.touchedFilms().isEmpty()) {
            return commitUnchanged(plan, branch);
        }
        Dataset<Row> clustered = clusterStills(decodeAndSample(plan));
        Counts counts = Counts.NONE;
        boolean publishing = false;
        try {
            counts = check(plan, clustered);
            FilmSet touched = new FilmSet(spark, plan.touchedFilms());
            writeFrames(plan, clustered, branch, touched);
            writeStills(plan, clustered, committed, branch, touched);
            fitFilms(plan, branch, touched);
            findNeighbors(plan, branch);
            stage("publish " + plan.touchedFilms().size() + " film(s)");
            publishing = true;
            branch.publish(runRow(counts, plan.touchedFilms().size(), RunBranch.SUCCEEDED, branch));
            return summarize(counts, plan);
        } catch (RuntimeException e) {
            if (!publishing) {
                recordFailure(counts, branch, e);
            }
            throw e;
        } finally {
            clustered.unpersist();
            plan.release();
        }
    }

    /** A run that found nothing new or removed: only its {@code runs} row is committed, no Spark job is planned. */
    private RunSummary commitUnchanged(IncrementalPlan plan, RunBranch branch) {
        try {
            Counts counts = new Counts(plan.seen(), 0, 0, Map.of());
            LOG.info("{} frame(s) listed, none new or removed", plan.seen());
            stage("publish 0 film(s)");
            branch.publish(runRow(counts, 0, RunBranch.SUCCEEDED, branch));
            return summarize(counts, plan);
        } finally {
            plan.release();
        }
    }

    /** Commits only the run's {@code runs} row, with status {@code failed}; its branches are dropped on close. */
    private void recordFailure(Counts counts, RunBranch branch, RuntimeException failure) {
        try {
            branch.appendRun(runRow(counts, 0, RunBranch.FAILED, null));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The listing, cached: the plan counts it and compares it with the frames table, decoding reads it. */
    private JavaRDD<Row> list() {
        stage("list frames under " + config.input());
        return new FrameLister(spark, config.video()).list(config.input()).persist(StorageLevel.MEMORY_AND_DISK());
    }

    private IncrementalPlan plan(JavaRDD<Row> listed, CommittedState committed) {
        stage("compare the listing with the frames table");
        IncrementalPlan plan = IncrementalPlan.of(spark, listed, spark.createDataFrame(listed, StageSchemas.LISTED),
                committed.frames(), committed.anyFrames(), config.mode(), committed.repairFilms());
        LOG.info("{} film(s) to (re)compute of {} listed", plan.touchedFilms().size(), plan.films().size());
        return plan;
    }

    private Dataset<Row> decodeAndSample(IncrementalPlan plan) {
        stage("decode, sample and cluster stills (" + config.stillEngine().id() + " engine)");
        HadoopConfiguration conf = new HadoopConfiguration(spark.sparkContext().hadoopConfiguration());
        DecodeAndSample rows = new DecodeAndSample(conf, config.maxSide(), decodeLimits(), config.sample(),
                config.algorithms().contains(Algorithm.GRID) ? config.colorSpace() : null,
                config.video().nativesCacheDir(), config.thumbnails());
        // Video stills: split by time range (VideoStills); image files: spread by bytes.
        Dataset<Row> videoStills = plan.newFrames().filter((FilterFunction<Row>) VideoStills::isVideoStill);
        Dataset<Row> images = plan.newFrames().filter((FilterFunction<Row>) row -> !VideoStills.isVideoStill(row));
        VideoStills videos = new VideoStills(conf, config.video(), rows, config.maxSide(), decodeLimits());
        VideoStills.Plan videoPlan = videos.plan(videoStills);
        Dataset<Row> newFrames = BytePartitions.repartition(spark, images, videoPlan.imagesOf(plan.films()));
        return DecodeProgress.counted(spark.sparkContext(), newFrames.mapPartitions(rows,
                Encoders.row(StageSchemas.SAMPLED)).union(videos.decode(spark, videoPlan)), plan.fresh());
    }

    private DecodeLimits decodeLimits() {
        return new DecodeLimits(config.maxPixels(), config.maxFileBytes(),
                Duration.ofSeconds(config.decodeTimeoutSeconds()));
    }

    private Dataset<Row> clusterStills(Dataset<Row> sampled) {
        Dataset<Row> clustered = config.stillEngine() == StillEngine.MLLIB
                ? new MllibStillEngine(spark, config).cluster(sampled)
                : sampled.mapPartitions(new ClusterStillsInTask(config.colorSpace(), config.k(),
                        config.maxIterations(), config.order(), config.algorithms(), config.seed(),
                        config.paletteMode()),
                        Encoders.row(StageSchemas.CLUSTERED));
        return clustered.persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Every new frame must come out as exactly one ok or rejected row before anything is written. */
    private Counts check(IncrementalPlan plan, Dataset<Row> clustered) {
        long seen = plan.seen();
        long expected = plan.fresh();
        FrameOutcomes outcomes = FrameOutcomes.of(clustered);
        long ok = outcomes.ok();
        long rejected = outcomes.rejectedCount();
        Map<String, Long> reasons = outcomes.rejected();
        if (ok + rejected != expected) {
            throw new IllegalStateException("Frames lost: " + expected + " new frames listed but " + ok + " ok + "
                    + rejected + " rejected came out of decoding");
        }
        LOG.info("{} frame(s) listed, {} new: {} ok, {} rejected {}", seen, expected, ok, rejected, reasons);
        return new Counts(seen, expected, rejected, reasons);
    }

    private void writeFrames(IncrementalPlan plan, Dataset<Row> clustered, RunBranch branch, FilmSet touched) {
        stage("write frames");
        Dataset<Row> fresh = clustered.withColumn(RUN_ID, lit(runId));
        replace(branch, Table.FRAMES, touched, plan.keptFrames().unionByName(
                fresh.select(StageSchemas.columns(TableSchemas.FRAMES_SCHEMA))));
    }

    private void writeStills(IncrementalPlan plan, Dataset<Row> clustered, CommittedState committed,
            RunBranch branch, FilmSet touched) {
        stage("write still palettes");
        Dataset<Row> fresh = clustered.where(col(STATUS).equalTo(STATUS_OK))
                .select(col(FILM_ID), col(FRAME_ID), col(SAMPLED_PIXELS),
                        explode(col(StageSchemas.PALETTES)).as("palette"))
                .select(col(FILM_ID), col(FRAME_ID), col("palette." + ALGORITHM).as(ALGORITHM),
                        lit(config.colorSpace().id()).as(COLOR_SPACE), lit(config.k()).as(K),
                        lit(config.seed()).as(SEED), col("palette." + COLORS).as(COLORS), col(SAMPLED_PIXELS),
                        col("palette." + COST).as(COST), lit(runId).as(RUN_ID))
                .withColumn(EMBEDDING, EmbeddingColumn.of(col(COLORS)));
        // Stills kept from a table written before the embedding column get theirs now.
        Dataset<Row> kept = plan.keptStills(committed.stills())
                .withColumn(EMBEDDING, coalesce(col(EMBEDDING), EmbeddingColumn.of(col(COLORS))));
        replace(branch, Table.STILL_PALETTES, touched, kept.unionByName(fresh));
    }

    private void fitFilms(IncrementalPlan plan, RunBranch branch, FilmSet touched) {
        stage("fit film palettes (" + config.filmEngine().id() + " engine)");
        Timestamp computedAt = Timestamp.from(Instant.now());
        Dataset<Row> stills = touched.restrict(branch.read(Table.STILL_PALETTES));
        Dataset<Row> frames = touched.restrict(branch.read(Table.FRAMES));
        Dataset<Row> films;
        if (config.filmEngine() == FilmEngine.MLLIB) {
            films = spark.createDataFrame(new FilmPaletteFitter(spark, config).fit(stills, frames,
                    plan.touchedFilms(), runId, computedAt), TableSchemas.FILM_PALETTES_SCHEMA);
        } else {
            int groups = plan.touchedFilms().size() * config.algorithms().size();
            int partitions = Math.max(1, Math.min(groups, 2 * spark.sparkContext().defaultParallelism()));
            films = FilmPalettesInTask.fit(stills, frames, config, partitions, runId, computedAt);
        }
        replace(branch, Table.FILM_PALETTES, touched, films);
    }

    /** Each film's nearest films, from the film palettes just written; only lists the touched films change. */
    private void findNeighbors(IncrementalPlan plan, RunBranch branch) {
        stage(config.neighbors() == 0 ? "empty film_neighbors (filmpalette.neighbors=0)" : "find nearest films");
        new FilmNeighborsStage(spark, NeighborSearch.defaults().withNeighbors(Math.max(1, config.neighbors())))
                .write(branch, plan.touchedFilms(), config.neighbors() == 0 ? FilmNeighborsStage.Mode.EMPTY
                        : config.mode() == RunMode.FULL ? FilmNeighborsStage.Mode.FULL : FilmNeighborsStage.Mode.INCREMENTAL, runId);
    }

    /** A {@code --full} run replaces the whole table; any other replaces the touched films' rows. */
    private void replace(RunBranch branch, Table table, FilmSet touched, Dataset<Row> rows) {
        if (config.mode() == RunMode.FULL) {
            branch.replaceAll(table, rows);
        } else {
            branch.replaceFilms(table, touched, rows);
        }
    }

    /** The run's {@code runs} row; a succeeded run records the snapshot each film table gets when published. */
    private Dataset<Row> runRow(Counts counts, long filmsTouched, String status, RunBranch branch) {
        Long frames = branch == null ? null : branch.head(Table.FRAMES);
        Long stills = branch == null ? null : branch.head(Table.STILL_PALETTES);
        Long films = branch == null ? null : branch.head(Table.FILM_PALETTES);
        Long neighbors = branch == null ? null : branch.head(Table.FILM_NEIGHBORS);
        Row run = RowFactory.create(runId, Timestamp.from(startedAt), Timestamp.from(Instant.now()), status,
                counts.seen(), counts.fresh(), counts.rejected(), filmsTouched, config.describe(), Version.current(),
                frames, stills, films, neighbors);
        return spark.createDataFrame(List.of(run), TableSchemas.RUNS_SCHEMA);
    }

    private RunSummary summarize(Counts counts, IncrementalPlan plan) {
        stage("summarize");
        // One small query, sorted here: a Spark sort would add a sampling job and a shuffle.
        List<Row> palettes = new ArrayList<>(tables.read(Table.FILM_PALETTES)
                .select(col(FILM_ID), col(ALGORITHM), col(COLORS)).collectAsList());
        palettes.sort(Comparator.<Row, String>comparing(row -> row.getAs(FILM_ID))
                .thenComparing(row -> row.<String>getAs(ALGORITHM)));
        List<String> lines = new ArrayList<>();
        for (Row row : palettes) {
            lines.add(row.getAs(FILM_ID) + " " + row.getAs(ALGORITHM) + ": "
                    + ColorRows.palette(row.<Row>getList(row.fieldIndex(COLORS))).hexList());
        }
        // Once published the frames table holds exactly the listed frames, so its films are the listed ones.
        long films = plan.films().values().stream().filter(film -> film.seen() > 0).count();
        double seconds = (Instant.now().toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
        return new RunSummary(runId, config.tables(), counts.seen(), counts.fresh(), counts.rejected(),
                counts.reasons(), plan.touchedFilms(), films, lines, seconds);
    }

    private void stage(String description) {
        endStage();
        DecodeProgress.stop(spark.sparkContext());
        currentStage = description;
        stageStartNanos = System.nanoTime();
        stageStartCpuNanos = processCpuNanos();
        spark.sparkContext().setJobDescription("filmpalette " + runId + ": " + description);
        LOG.info("{}", description);
    }

    /**
     * Records the running stage's wall time and the CPU time of the whole driver process (all its threads, tasks of
     * an embedded Spark included) for the timing lines a run logs: on a shared machine the CPU time is the steadier.
     */
    private void endStage() {
        if (currentStage != null) {
            stageSeconds.put(currentStage, new double[] {(System.nanoTime() - stageStartNanos) / 1e9,
                (processCpuNanos() - stageStartCpuNanos) / 1e9});
            currentStage = null;
        }
    }

    private void logStageTimes() {
        endStage();
        StringBuilder lines = new StringBuilder();
        stageSeconds.forEach((stage, seconds) -> lines.append(String.format("%n  %6.2f s wall %6.2f s cpu  %s",
                seconds[0], seconds[1], stage)));
        LOG.info("Run {} stage times (JVM and Spark start-up before the run: {} s wall, {} s cpu):{}", runId,
                String.format("%.1f", jvmUptimeAtStart / 1000.0), String.format("%.1f", cpuNanosAtStart / 1e9), lines);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private record Counts(long seen, long fresh, long rejected, Map<String, Long> reasons) {
        static final Counts NONE = new Counts(0, 0, 0, Map.of());
    }
}
