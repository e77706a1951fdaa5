/**
 * job: the Spark pipeline, stage by stage in the order of docs/design.md §1 (list → decode and sample → cluster stills →
 * fit films → write), and the task functions each stage runs.
 */
package org.filmpalette.job;
