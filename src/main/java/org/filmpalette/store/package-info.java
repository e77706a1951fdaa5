/**
 * store: the four tables as Apache Iceberg tables in a catalog (embedded JDBC-on-SQLite by default), their schemas,
 * and a run's commit: written on a branch per run, published table by table by compare-and-swap.
 */
package org.filmpalette.store;
