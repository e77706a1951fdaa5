package org.filmpalette.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.VideoSettings;
import org.filmpalette.ingest.FrameIds;

/**
 * Lists the frames under an input root on any Hadoop filesystem. The driver lists only the film folders and the
 * video files directly under the root (each a film of its own); each film is listed inside a task, so archives with
 * thousands of films are listed in parallel. A video file is listed as its stills ({@link VideoStillListing}).
 */
final class FrameLister {

    private final SparkSession spark;
    private final VideoStillListing videos;

    FrameLister(SparkSession spark, VideoSettings video) {
        this.spark = spark;
        this.videos = new VideoStillListing(video);
    }

    /**
     * Rows of {@link StageSchemas#LISTED}: one per frame file; hidden and non-image files are skipped. A plain RDD,
     * so that counting it needs no query planning; {@code createDataFrame(rows, LISTED)} makes it a DataFrame.
     */
    JavaRDD<Row> list(String inputRoot) {
        List<String> films = filmFolders(inputRoot);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(films.size(), context.defaultParallelism() * 4));
        HadoopConfiguration conf = new HadoopConfiguration(spark.sparkContext().hadoopConfiguration());
        VideoStillListing videos = this.videos;
        return context.parallelize(films, slices).flatMap(film -> listFilm(conf, videos, film));
    }

    private List<String> filmFolders(String inputRoot) {
        Path root = new Path(inputRoot);
        try {
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
                throw new ConfigurationException("Invalid --input: " + inputRoot + " (not an existing folder)");
            }
            return Arrays.stream(fs.listStatus(root))
                    .filter(status -> status.isDirectory() || FrameIds.isVideo(status.getPath().getName()))
                    .map(status -> status.getPath().toString())
                    .filter(path -> !FrameIds.isHidden(new Path(path).getName()))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the input root " + inputRoot, e);
        }
    }

    /** A film folder's frames and reels, or the stills of a video file directly under the root (a film by itself). */
    private static Iterator<Row> listFilm(HadoopConfiguration conf, VideoStillListing videos, String filmFolder) {
        Path folder = new Path(filmFolder);
        List<Row> rows = new ArrayList<>();
        try {
            FileSystem fs = folder.getFileSystem(conf.value());
            FileStatus status = fs.getFileStatus(folder);
            if (status.isFile()) {
                return videos.rows(fs, status, FrameIds.filmId(FrameIds.frameId(folder.getName())), "").iterator();
            }
            String filmId = FrameIds.filmId(folder.getName());
            String prefix = fs.makeQualified(folder).toString() + "/";
            for (FileStatus file : files(fs, folder)) {
                String path = file.getPath().toString();
                if (!path.startsWith(prefix)) {
                    throw new IllegalStateException("Listed " + path + " outside its film folder " + prefix);
                }
                String relative = path.substring(prefix.length());
                if (FrameIds.isFrame(relative)) {
                    rows.add(RowFactory.create(filmId, FrameIds.frameId(relative), path, file.getLen(),
                            new Timestamp(file.getModificationTime())));
                } else if (FrameIds.isVideo(relative)) {
                    rows.addAll(videos.rows(fs, file, filmId, FrameIds.frameId(relative) + "/"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list film folder " + filmFolder, e);
        }
        return rows.iterator();
    }

    /**
     * Every file under {@code folder}, recursively. On the local filesystem a walk with {@code listStatus}: its
     * {@code listFiles} builds a LocatedFileStatus per file, which reads the file's permissions by forking
     * {@code ls -ld} — about 3 ms a file, most of the listing time of a local archive. Elsewhere {@code listFiles},
     * which object stores answer with flat paged listings.
     */
    private static List<FileStatus> files(FileSystem fs, Path folder) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            Deque<Path> folders = new ArrayDeque<>(List.of(folder));
            while (!folders.isEmpty()) {
                for (FileStatus status : fs.listStatus(folders.pop())) {
                    if (status.isDirectory()) {
                        folders.push(status.getPath());
                    } else {
                        files.add(status);
                    }
                }
            }
            return files;
        }
        RemoteIterator<LocatedFileStatus> located = fs.listFiles(folder, true);
        while (located.hasNext()) {
            files.add(located.next());
        }
        return files;
    }
}
