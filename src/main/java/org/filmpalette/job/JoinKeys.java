package org.filmpalette.job;

import java.util.List;

import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Column names for an equi-join on same-named columns, in the Scala form {@code Dataset.join} takes. */
final class JoinKeys {

    private JoinKeys() {}

    static Seq<String> of(String... columns) {
        return CollectionConverters.asScala(List.of(columns)).toSeq();
    }
}
