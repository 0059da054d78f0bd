package org.newsdesk.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;

/** Builds rows with only the columns the query reads, in the order it reads them. */
final class Rows {

  private enum Column {
    SOURCE, LINE, TITLE, BODY, DATE, CATEGORY, CORRUPT,
    COLUMN, KIND, MESSAGE, FIRST_LINE, LAST_LINE
  }

  private final Column[] columns;
  private final boolean wantsCorruptText;

  Rows(StructType required, String corruptColumn) {
    String[] names = required.fieldNames();
    columns = new Column[names.length];
    boolean corrupt = false;
    for (int i = 0; i < names.length; i++) {
      columns[i] = switch (names[i]) {
        case "source" -> Column.SOURCE;
        case "line" -> Column.LINE;
        case "title" -> Column.TITLE;
        case "body" -> Column.BODY;
        case "date" -> Column.DATE;
        case "category" -> Column.CATEGORY;
        case "column" -> Column.COLUMN;
        case "kind" -> Column.KIND;
        case "message" -> Column.MESSAGE;
        case "firstLine" -> Column.FIRST_LINE;
        case "lastLine" -> Column.LAST_LINE;
        default -> {
          if (!names[i].equalsIgnoreCase(corruptColumn)) {
            throw new IllegalStateException("newsdesk: no column " + names[i]);
          }
          corrupt = true;
          yield Column.CORRUPT;
        }
      };
    }
    wantsCorruptText = corrupt;
  }

  /** Whether the query reads the corrupt-record column, so its text must be gathered. */
  boolean wantsCorruptText() {
    return wantsCorruptText;
  }

  InternalRow article(Article a, UTF8String source) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = switch (columns[i]) {
        case SOURCE -> source;
        case LINE -> line(a.line(), a.source());
        case TITLE -> UTF8String.fromString(a.title());
        case BODY -> UTF8String.fromString(a.body());
        case DATE -> a.date().map(d -> (Object) Math.toIntExact(d.toEpochDay())).orElse(null);
        case CATEGORY -> a.category().map(UTF8String::fromString).orElse(null);
        default -> null;
      };
    }
    return new GenericInternalRow(values);
  }

  /** A row for input lines that are in no article: only source, line and the raw text. */
  InternalRow corrupt(UTF8String source, long line, String sourceName, Supplier<String> text) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = switch (columns[i]) {
        case SOURCE -> source;
        case LINE -> line(line, sourceName);
        case CORRUPT -> UTF8String.fromString(text.get());
        default -> null;
      };
    }
    return new GenericInternalRow(values);
  }

  InternalRow diagnostic(Diagnostic d, UTF8String source) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = switch (columns[i]) {
        case SOURCE -> source;
        case LINE -> line(d.line(), d.source());
        case COLUMN -> d.column();
        case KIND -> UTF8String.fromString(d.kind().name());
        case MESSAGE -> UTF8String.fromString(d.message());
        case FIRST_LINE -> d.firstLine() == 0 ? null : line(d.firstLine(), d.source());
        case LAST_LINE -> d.lastLine() == 0 ? null : line(d.lastLine(), d.source());
        default -> null;
      };
    }
    return new GenericInternalRow(values);
  }

  private static Object line(long line, String source) {
    if (line > Integer.MAX_VALUE) {
      throw new ArithmeticException("newsdesk: line " + line + " of " + source
          + " does not fit the int column line");
    }
    return (int) line;
  }
}
