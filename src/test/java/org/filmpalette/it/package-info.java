/**
 * Integration tests ({@code *IT}, run by Failsafe after {@code package}) against real servers on loopback: HDFS
 * ({@code MiniDFSCluster}), an S3-compatible store (S3Proxy), a Spark standalone cluster, and the application jar.
 */
package org.filmpalette.it;
