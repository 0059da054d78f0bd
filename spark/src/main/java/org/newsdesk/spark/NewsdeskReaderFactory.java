package org.newsdesk.spark;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Sent to executors: creates the reader of each partition. */
final class NewsdeskReaderFactory implements PartitionReaderFactory {

  private static final long serialVersionUID = 1L;

  private final Broadcast<HadoopConf> conf;
  private final ReadOptions options;
  private final StructType required;
  private final boolean corruptRows;

  NewsdeskReaderFactory(Broadcast<HadoopConf> conf, ReadOptions options, StructType required,
      boolean corruptRows) {
    this.conf = conf;
    this.options = options;
    this.required = required;
    this.corruptRows = corruptRows;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new NewsdeskPartitionReader(((NewsdeskPartition) partition).chunks(),
        conf.value().get(), options, new Rows(required, options.corruptColumn), corruptRows);
  }
}
