package org.filmpalette.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.filmpalette.testing.SharedSpark;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The job on S3 through {@code s3a://}: a real S3-compatible server (S3Proxy over an in-memory blob store) in this
 * JVM on 127.0.0.1, frames uploaded with the AWS SDK, the job run through the command line with the endpoint and
 * credentials given as {@code --conf spark.hadoop.fs.s3a.*}, and the tables read back from the bucket.
 */
class S3IT {

    /** Recognizable so that a leak in logs, output or the runs table is found by a plain substring search. */
    private static final String ACCESS_KEY = "FPITACCESSKEYQ7W3";
    private static final String SECRET_KEY = "fpItSecretKey/Zq81+xy";
    private static final String BUCKET = "archive";

    private static BlobStoreContext blobStore;
    private static S3Proxy s3;
    private static String endpoint;
    private static CliRun run;
    private static String logs;

    @BeforeAll
    static void startS3UploadFramesAndRun() throws Exception {
        blobStore = ContextBuilder.newBuilder("transient").credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(new Properties()).build(BlobStoreContext.class);
        s3 = S3Proxy.builder().blobStore(blobStore.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        s3.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(s3.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + s3.getState());
            }
            Thread.sleep(10);
        }
        endpoint = "http://127.0.0.1:" + s3.getPort();
        uploadFrames();

        // SparkContext logs Spark's whole configuration at INFO (spark.logConf): its redaction must hide the keys too.
        try (LogCapture capture = new LogCapture("org.apache.spark.SparkContext")) {
            List<String> args = new ArrayList<>(List.of("run", "--input", "s3a://" + BUCKET + "/frames",
                    "--tables", "s3a://" + BUCKET + "/palettes"));
            for (String setting : s3aSettings()) {
                args.add("--conf");
                args.add(setting);
            }
            args.addAll(List.of("--conf", "spark.logConf=true"));
            run = CliRun.of(args.toArray(String[]::new));
            logs = capture.text();
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.stop();
        }
        if (blobStore != null) {
            blobStore.close();
        }
    }

    @Test
    void runReadsFramesFromS3AndWritesTablesToS3() {
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("frames: 20 seen, 20 new, 0 rejected"), run.toString());
        assertTrue(blobStore.getBlobStore().list(BUCKET).size() > 0, "bucket is empty");
        SharedSpark.session().sparkContext().hadoopConfiguration().set("fs.s3a.endpoint", endpoint);
        for (String setting : s3aSettings()) {
            String[] pair = setting.substring("spark.hadoop.".length()).split("=", 2);
            SharedSpark.session().sparkContext().hadoopConfiguration().set(pair[0], pair[1]);
        }
        new TableChecks(SharedSpark.session(), "s3a://" + BUCKET + "/palettes").assertOneFullRunOverSample();
    }

    @Test
    void credentialsAppearNeitherInLogsNorInOutputNorInTheRunsTable() {
        assertEquals(0, run.exitCode(), run.toString());
        // The configuration was logged and stored, with the keys masked...
        assertTrue(logs.contains("spark.hadoop.fs.s3a.endpoint=" + endpoint), "our configuration line not captured:\n" + logs);
        assertTrue(logs.contains("spark.hadoop.fs.s3a.access.key=****"), logs);
        assertTrue(logs.contains("Spark configuration:"), "Spark's configuration dump not captured:\n" + logs);
        String config = new TableChecks(SharedSpark.session(), "s3a://" + BUCKET + "/palettes").runConfig();
        assertTrue(config.contains("spark.hadoop.fs.s3a.secret.key=****"), config);
        assertTrue(config.contains("spark.hadoop.fs.s3a.endpoint=" + endpoint), config);
        // ...and the keys themselves appear nowhere.
        for (String secret : List.of(ACCESS_KEY, SECRET_KEY)) {
            assertFalse(logs.contains(secret), "credential in the logs:\n" + logs);
            assertFalse(run.out().contains(secret) || run.err().contains(secret), "credential in the output: " + run);
            assertFalse(config.contains(secret), "credential in runs.config:\n" + config);
        }
    }

    private static List<String> s3aSettings() {
        return List.of(
                "spark.hadoop.fs.s3a.endpoint=" + endpoint,
                "spark.hadoop.fs.s3a.endpoint.region=us-east-1",
                "spark.hadoop.fs.s3a.path.style.access=true",
                "spark.hadoop.fs.s3a.connection.ssl.enabled=false",
                "spark.hadoop.fs.s3a.access.key=" + ACCESS_KEY,
                "spark.hadoop.fs.s3a.secret.key=" + SECRET_KEY);
    }

    private static void uploadFrames() {
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
}
