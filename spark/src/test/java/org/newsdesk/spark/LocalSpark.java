package org.newsdesk.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving each test class one {@code local[2]} {@link SparkSession}, bound to
 * the loopback address with the UI off; it is stopped after the class. Test methods and
 * {@code @BeforeAll}/{@code @BeforeEach} methods receive it as a parameter:
 *
 * <pre>{@code
 * @ExtendWith(LocalSpark.class)
 * class SomeTest {
 *   @Test
 *   void reads(SparkSession spark) { ... }
 * }
 * }</pre>
 */
final class LocalSpark implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalSpark.class);

  /** Starts a session with the settings every test in this module uses. */
  static SparkSession start(String appName) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(SparkSession.class,
        start(context.getRequiredTestClass().getSimpleName()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    SparkSession spark = context.getStore(NAMESPACE).remove(SparkSession.class,
        SparkSession.class);
    if (spark != null) {
      spark.stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot() == context ? null : sessionOf(context);
  }

  private static SparkSession sessionOf(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      SparkSession spark = c.getStore(NAMESPACE).get(SparkSession.class, SparkSession.class);
      if (spark != null) {
        return spark;
      }
    }
    throw new IllegalStateException("no SparkSession: is the class annotated with "
        + "@ExtendWith(LocalSpark.class)?");
  }
}
