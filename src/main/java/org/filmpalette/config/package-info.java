/**
 * config: the typed, validated job configuration. Defaults come from {@code conf/filmpalette.properties}, overrides
 * from {@code --conf key=value} and from flags (flag &gt; --conf &gt; file &gt; built-in default). Pure Java, no Spark.
 */
package org.filmpalette.config;
