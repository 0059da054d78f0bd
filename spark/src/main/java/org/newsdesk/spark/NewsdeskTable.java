package org.newsdesk.spark;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The digests named by one read: a batch-readable table with a fixed schema. */
final class NewsdeskTable implements SupportsRead {

  private final StructType schema;
  /** The corrupt-record column, settled when the read is loaded, as the schema is. */
  private final String corruptColumn;

  NewsdeskTable(StructType given, CaseInsensitiveStringMap options) {
    corruptColumn = ReadOptions.corruptColumn(options, NewsdeskTable::session);
    boolean diagnostics = "diagnostics".equalsIgnoreCase(options.get(ReadOptions.ROWS));
    this.schema = normalize(given, diagnostics ? NewsdeskDataSource.DIAGNOSTICS_SCHEMA
        : NewsdeskDataSource.SCHEMA, diagnostics ? null : corruptColumn);
  }

  /** A SQL setting of the active session, or null when it is unset or there is no session. */
  static String session(String key) {
    return SparkSession.getActiveSession().isDefined()
        ? SparkSession.active().conf().getOption(key).getOrElse(() -> null)
        : null;
  }

  /**
   * Checks a schema given by the user against the source's columns and gives each its type and
   * nullability; with a corrupt-record column, {@code title} and {@code body} become nullable.
   */
  static StructType normalize(StructType given, StructType base, String corruptColumn) {
    boolean hasCorrupt = corruptColumn != null && List.of(given.fieldNames()).stream()
        .anyMatch(n -> n.equalsIgnoreCase(corruptColumn));
    List<StructField> fields = new ArrayList<>();
    for (StructField f : given.fields()) {
      StructField known = null;
      for (StructField b : base.fields()) {
        if (b.name().equalsIgnoreCase(f.name())) {
          known = b;
        }
      }
      if (known != null) {
        if (!known.dataType().sameType(f.dataType())) {
          throw new IllegalArgumentException("newsdesk: column " + f.name() + " has type "
              + known.dataType().simpleString() + ", not " + f.dataType().simpleString());
        }
        boolean nullable = known.nullable() || (hasCorrupt
            && Set.of("title", "body").contains(known.name().toLowerCase(Locale.ROOT)));
        fields.add(new StructField(known.name(), known.dataType(), nullable, known.metadata()));
      } else if (corruptColumn != null && f.name().equalsIgnoreCase(corruptColumn)) {
        if (!f.dataType().sameType(DataTypes.StringType)) {
          throw new IllegalArgumentException("newsdesk: the corrupt-record column " + f.name()
              + " must be a string");
        }
        fields.add(new StructField(f.name(), DataTypes.StringType, true, f.metadata()));
      } else {
        throw new IllegalArgumentException("newsdesk: unknown column " + f.name()
            + "; the columns are " + String.join(", ", base.fieldNames())
            + (corruptColumn != null ? " and the corrupt-record column " + corruptColumn : ""));
      }
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  @Override
  public String name() {
    return NewsdeskDataSource.SHORT_NAME;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return new NewsdeskScan(schema,
        new ReadOptions(options, corruptColumn, NewsdeskTable::session));
  }
}
