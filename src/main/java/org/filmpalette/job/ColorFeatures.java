package org.filmpalette.job;

import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.filmpalette.color.ColorSpace;

/** The UDF that turns a packed sRGB int column into an MLlib feature vector in the clustering space. */
final class ColorFeatures {

    private ColorFeatures() {}

    static UserDefinedFunction in(ColorSpace space) {
        UDF1<Integer, org.apache.spark.ml.linalg.Vector> encode = rgb -> {
            double[] point = new double[3];
            space.encode(rgb, point, 0);
            return Vectors.dense(point);
        };
        return functions.udf(encode, new VectorUDT());
    }
}
