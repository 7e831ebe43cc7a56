package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Dense group numbers as core gives them ({@code UnionFind.labels}, {@code Partition}): 0 = the
 * largest group, ties broken by the smallest member. One aggregation, one distributed sort of the
 * groups and a {@code zipWithIndex} (no single-partition window).
 */
final class DenseRank {

    private DenseRank() {
    }

    /**
     * {@code (group, rank)} for every group of {@code rows}.
     *
     * @param group  the group column (long)
     * @param member the member column whose smallest value breaks ties (long)
     */
    static Dataset<Row> bySizeThenSmallest(Dataset<Row> rows, String group, String member) {
        Dataset<Row> sizes = rows.groupBy(group).agg(count(lit(1)).as("size"), min(member).as("first"))
                .orderBy(col("size").desc(), col("first").asc());
        JavaRDD<Row> ranked = sizes.javaRDD().zipWithIndex()
                .map(t -> RowFactory.create(t._1().getLong(0), (int) (long) t._2()));
        StructType schema = new StructType().add(group, DataTypes.LongType, false).add("rank", DataTypes.IntegerType, false);
        return rows.sparkSession().createDataFrame(ranked, schema);
    }
}
