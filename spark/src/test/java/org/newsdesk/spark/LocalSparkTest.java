package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class LocalSparkTest {

  @Test
  void sessionRunsJobsOnLoopbackWithoutUi(SparkSession spark) {
    assertThat(spark.range(1000).selectExpr("sum(id)").first().getLong(0)).isEqualTo(499500L);
    assertThat(spark.sparkContext().master()).isEqualTo("local[2]");
    assertThat(spark.conf().get("spark.driver.host")).isEqualTo("127.0.0.1");
    assertThat(spark.conf().get("spark.ui.enabled")).isEqualTo("false");
    assertThat(spark.sparkContext().uiWebUrl().isEmpty()).isTrue();
  }
}
