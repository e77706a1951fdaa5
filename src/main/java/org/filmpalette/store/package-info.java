/**
 * store: the four tables' schemas and locations, Parquet writing by film partition, and the commit protocol that
 * makes a run's output appear film partition by film partition, never half-written.
 */
package org.filmpalette.store;
