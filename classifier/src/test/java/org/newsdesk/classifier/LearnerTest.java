package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LearnerTest {

  @Test
  void negativeZeroL2IsZeroAndItsTextFormParsesBackEqual() {
    Learner.MaxEnt m = new Learner.MaxEnt(100, -0.0, true);
    assertThat(Double.doubleToRawLongBits(m.l2())).isZero();
    assertThat(m).isEqualTo(new Learner.MaxEnt(100, 0.0, true));
    assertThat(Learner.parse(m.toString())).isEqualTo(m);
  }
}
