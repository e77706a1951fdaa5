package org.filmpalette.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.options.ListContainerOptions;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server in this JVM: S3Proxy over an in-memory blob store on 127.0.0.1, requiring AWS
 * signatures with one recognizable key pair, holding one bucket with the sample frames under {@code frames/}.
 */
final class S3Server implements AutoCloseable {

    /** Recognizable so that a leak in logs, output or the runs table is found by a plain substring search. */
    static final String ACCESS_KEY = "FPITACCESSKEYQ7W3";
    static final String SECRET_KEY = "fpItSecretKey/Zq81+xy";
    static final String BUCKET = "archive";
    static final String FRAMES = "s3a://" + BUCKET + "/frames";
    static final String TABLES = "s3a://" + BUCKET + "/palettes";

    private final BlobStoreContext blobStore;
    private final S3Proxy proxy;
    private final String endpoint;

    S3Server() throws Exception {
        blobStore = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(new Properties()).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(blobStore.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        uploadFrames();
    }

    String endpoint() {
        return endpoint;
    }

    /** Objects in the bucket: frames plus whatever the job wrote. */
    int objects() {
        return blobStore.getBlobStore().list(BUCKET, ListContainerOptions.Builder.recursive()).size();
    }

    /** Where and how to reach the server, as {@code spark.hadoop.fs.s3a.*} settings, without credentials. */
    List<String> connectionSettings() {
        return List.of(
                "spark.hadoop.fs.s3a.endpoint=" + endpoint,
                "spark.hadoop.fs.s3a.endpoint.region=us-east-1",
                "spark.hadoop.fs.s3a.path.style.access=true",
                "spark.hadoop.fs.s3a.connection.ssl.enabled=false");
    }

    /** The key pair as {@code spark.hadoop.fs.s3a.*} settings. */
    static List<String> credentialSettings() {
        return List.of("spark.hadoop.fs.s3a.access.key=" + ACCESS_KEY, "spark.hadoop.fs.s3a.secret.key=" + SECRET_KEY);
    }

    /** Points a Hadoop configuration (e.g. the reading test session's) at this server, with the key pair. */
    void configure(Configuration conf) {
        for (String setting : concat(connectionSettings(), credentialSettings())) {
            String[] pair = setting.substring("spark.hadoop.".length()).split("=", 2);
            conf.set(pair[0], pair[1]);
        }
    }

    /**
     * An Iceberg JDBC catalog on the local SQLite file {@code sqlite} with its warehouse in the bucket, as
     * {@code spark.sql.catalog.<name>.*} settings: what a user configures for tables on S3.
     */
    static List<String> catalogSettings(String name, java.nio.file.Path sqlite) {
        String prefix = "spark.sql.catalog." + name;
        return List.of(prefix + "=org.apache.iceberg.spark.SparkCatalog", prefix + ".type=jdbc",
                prefix + ".uri=jdbc:sqlite:" + sqlite + "?journal_mode=WAL", prefix + ".jdbc.schema-version=V1",
                prefix + ".warehouse=" + TABLES);
    }

    /**
     * Sets {@link #catalogSettings} in a running session (the reading test session) under another Spark name, so
     * that the session's own tables roots keep their embedded catalogs; the JDBC catalog name stays filmpalette.
     */
    static void registerCatalog(org.apache.spark.sql.SparkSession spark, String name, java.nio.file.Path sqlite) {
        for (String setting : catalogSettings(name, sqlite)) {
            String[] pair = setting.split("=", 2);
            spark.conf().set(pair[0], pair[1]);
        }
        spark.conf().unset("spark.sql.catalog." + name + ".type");
        spark.conf().set("spark.sql.catalog." + name + ".catalog-impl",
                org.filmpalette.store.FilmpaletteJdbcCatalog.class.getName());
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private void uploadFrames() {
        try (S3Client client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
            client.createBucket(request -> request.bucket(BUCKET));
            for (Path frame : SampleArchive.frames()) {
                client.putObject(request -> request.bucket(BUCKET).key("frames/" + frame),
                        RequestBody.fromFile(SampleArchive.dataSample().resolve(frame)));
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            blobStore.close();
        }
    }
}
