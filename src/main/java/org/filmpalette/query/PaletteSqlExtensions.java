package org.filmpalette.query;

import java.io.Serializable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import scala.Option;
import scala.Tuple3;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Makes {@link PaletteFunctions} available in any Spark SQL session:
 * {@code spark-sql --jars filmpalette.jar --conf spark.sql.extensions=org.filmpalette.query.PaletteSqlExtensions}.
 * Each function is injected as a builder of an untyped Scala UDF expression, so Spark converts the arguments with
 * its own type converters (arrays of structs arrive as sequences of rows).
 */
public final class PaletteSqlExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectFunction(
                function(PaletteFunctions.PALETTE_DISTANCE, "colors_a, colors_b", new PaletteDistanceBody()));
        extensions.injectFunction(function(PaletteFunctions.DELTA_E, "hex_a, hex_b", new DeltaEBody()));
        extensions.injectFunction(function(PaletteFunctions.PALETTE_EMBEDDING, "colors", 1,
                PaletteFunctions.EMBEDDING_TYPE, new PaletteEmbeddingBody()));
        return BoxedUnit.UNIT;
    }

    // The bodies travel to executors inside the plan, hence named serializable classes rather than lambdas.
    private static final class PaletteDistanceBody extends AbstractFunction2<Object, Object, Object>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        @SuppressWarnings("unchecked")
        public Object apply(Object a, Object b) {
            return PaletteFunctions.paletteDistance((scala.collection.Seq<Row>) a, (scala.collection.Seq<Row>) b);
        }
    }

    private static final class DeltaEBody extends AbstractFunction2<Object, Object, Object> implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object apply(Object a, Object b) {
            return PaletteFunctions.deltaE((String) a, (String) b);
        }
    }

    private static final class PaletteEmbeddingBody extends AbstractFunction1<Object, Object> implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        @SuppressWarnings("unchecked")
        public Object apply(Object colors) {
            return PaletteFunctions.paletteEmbedding((scala.collection.Seq<Row>) colors);
        }
    }

    private static Tuple3<FunctionIdentifier, ExpressionInfo,
            scala.Function1<scala.collection.immutable.Seq<Expression>, Expression>> function(String name,
                    String arguments, scala.Function2<Object, Object, Object> body) {
        return function(name, arguments, 2, DataTypes.DoubleType, body);
    }

    /** A builder of {@code name}({@code arguments}): {@code arity} arguments, {@code body} a Scala function of that arity. */
    private static Tuple3<FunctionIdentifier, ExpressionInfo,
            scala.Function1<scala.collection.immutable.Seq<Expression>, Expression>> function(String name,
                    String arguments, int arity, DataType returnType, Object body) {
        ExpressionInfo info = new ExpressionInfo(PaletteFunctions.class.getName(), null, name);
        scala.Function1<scala.collection.immutable.Seq<Expression>, Expression> builder =
                new AbstractFunction1<>() {
                    @Override
                    public Expression apply(scala.collection.immutable.Seq<Expression> children) {
                        if (children.size() != arity) {
                            throw new IllegalArgumentException("Invalid call of " + name + ": " + children.size()
                                    + " arguments (takes " + arity + ": " + arguments + ")");
                        }
                        return new ScalaUDF(body, returnType, children,
                                scala.collection.immutable.List$.MODULE$.empty(), Option.empty(), Option.apply(name),
                                true, true);
                    }
                };
        return new Tuple3<>(FunctionIdentifier.apply(name), info, builder);
    }
}
