package org.newsdesk.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/** The chunks one task reads, packed as Spark packs the files of its own file sources. */
record NewsdeskPartition(FileChunk[] chunks) implements InputPartition {
}
