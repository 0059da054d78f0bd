package org.newsdesk.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/** The chunks one task reads, packed as Spark packs the files of its own file sources. */
record NewsdeskPartition(FileChunk[] chunks) implements InputPartition {

  /** The hosts that store most of the chunks' bytes, so the task can run next to its data. */
  @Override
  public String[] preferredLocations() {
    return Locality.preferred(chunks);
  }
}
