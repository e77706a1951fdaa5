/**
 * config: the settings of a run, each declared once ({@link org.filmpalette.config.JobSettings}), and the typed,
 * validated configuration built from them ({@link org.filmpalette.config.JobConfig}): flag &gt; {@code --conf} &gt;
 * properties file &gt; declared default. Bad configuration is a
 * {@link org.filmpalette.config.ConfigurationException}. Pure Java, no Spark.
 */
package org.filmpalette.config;
