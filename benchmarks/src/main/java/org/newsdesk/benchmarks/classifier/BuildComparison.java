package org.newsdesk.benchmarks.classifier;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * Time per prediction of two or more builds of Newsdesk in one JVM, for changes too small to see
 * between separate runs. Each build (a jar, or a class path) is loaded several times, each copy in
 * a class loader of its own, so each copy is a separate JIT compilation: two copies of the same
 * build differ by up to 15 % in steady state on the 2-core machine, so one copy per build cannot
 * tell a 5 % change from the JIT's luck. All copies predict the same texts (read once), taking
 * turns in rounds whose order rotates; a build's figure is the mean over its copies of each copy's
 * median time per text.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks.jar
 * org.newsdesk.benchmarks.classifier.BuildComparison MODEL DIGEST MAX_TEXTS REPEATS ROUNDS COPIES
 * BUILD...}, where {@code MODEL} is {@code builtin} or a model file, {@code DIGEST} a digest whose
 * first {@code MAX_TEXTS} articles are the texts, each timed pass goes {@code REPEATS} times over
 * them, and each {@code BUILD} is a jar or class path holding Newsdesk's core and classifier with
 * their dependencies (e.g. {@code cli/target/newsdesk.jar} of each build). It prints one line per
 * build, with the ratio to the first.
 */
public final class BuildComparison {

  private BuildComparison() {}

  /** One copy of one build: a classifier from its own class loader. */
  private record Copy(String build, Object classifier, MethodHandle predict, MethodHandle label) {}

  /**
   * Runs the comparison.
   *
   * @param args MODEL DIGEST MAX_TEXTS REPEATS ROUNDS COPIES BUILD...
   * @throws Exception if a build cannot be loaded or a prediction fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println(
          "usage: BuildComparison MODEL DIGEST MAX_TEXTS REPEATS ROUNDS COPIES BUILD...");
      System.exit(2);
    }
    String model = args[0];
    int max = Integer.parseInt(args[2]);
    int repeats = Integer.parseInt(args[3]);
    int rounds = Integer.parseInt(args[4]);
    int copies = Integer.parseInt(args[5]);
    List<String> builds = Arrays.asList(args).subList(6, args.length);

    List<String> titles = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    try (NewsReader reader = NewsReader.open(Path.of(args[1]))) {
      for (Article a : reader) {
        if (titles.size() == max) {
          break;
        }
        titles.add(a.title());
        bodies.add(a.body());
      }
    }
    String[] t = titles.toArray(String[]::new);
    String[] b = bodies.toArray(String[]::new);

    // build A, build B, ..., build A, build B, ...: copies of one build are spread out
    List<Copy> all = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      for (String build : builds) {
        all.add(load(build, model));
      }
    }
    double[][] times = new double[all.size()][rounds];
    for (int r = -2; r < rounds; r++) { // two untimed rounds of warm-up
      for (int j = 0; j < all.size(); j++) {
        int i = Math.floorMod(r + j, all.size());
        double micros = time(all.get(i), t, b, repeats);
        if (r >= 0) {
          times[i][r] = micros;
        }
      }
    }
    for (String line : report(builds, all, times)) {
      System.out.println(line);
    }
  }

  /** One line per build: the mean of its copies' medians, the medians, the ratio to the first. */
  static List<String> report(List<String> builds, List<Copy> all, double[][] times) {
    Map<String, List<Double>> medians = new LinkedHashMap<>();
    for (String build : builds) {
      medians.put(build, new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      medians.get(all.get(i).build()).add(median(times[i]));
    }
    List<String> lines = new ArrayList<>();
    double first = -1;
    for (Map.Entry<String, List<Double>> e : medians.entrySet()) {
      double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (first < 0) {
        first = mean;
      }
      StringBuilder each = new StringBuilder();
      for (double m : e.getValue()) {
        each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", m));
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "%s: %.2f us per text (copies: %s), %.3f x the first",
              e.getKey(),
              mean,
              each,
              mean / first));
    }
    return lines;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Microseconds per text for one pass of {@code repeats} times over the texts. */
  private static double time(Copy copy, String[] titles, String[] bodies, int repeats)
      throws Exception {
    long sink = 0;
    long start = System.nanoTime();
    try {
      for (int k = 0; k < repeats; k++) {
        for (int i = 0; i < titles.length; i++) {
          Object prediction = copy.predict().invoke(copy.classifier(), titles[i], bodies[i]);
          sink += ((String) copy.label().invoke(prediction)).length();
        }
      }
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    long nanos = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print(""); // keeps the labels from being optimised away
    }
    return nanos / 1e3 / titles.length / repeats;
  }

  /** A fresh copy of a build's classifier, through the public API only. */
  static Copy load(String build, String model) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : build.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    ClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    Class<?> classifier = Class.forName("org.newsdesk.classifier.TopicClassifier", true, loader);
    Class<?> prediction = Class.forName("org.newsdesk.classifier.Prediction", true, loader);
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Object c;
    try {
      c =
          model.equals("builtin")
              ? lookup.findStatic(classifier, "builtIn", MethodType.methodType(classifier)).invoke()
              : lookup
                  .findStatic(classifier, "load", MethodType.methodType(classifier, Path.class))
                  .invoke(Path.of(model));
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    MethodHandle predict =
        lookup.findVirtual(
            classifier, "predict", MethodType.methodType(prediction, String.class, String.class));
    MethodHandle label =
        lookup.findVirtual(prediction, "label", MethodType.methodType(String.class));
    return new Copy(build, c, predict, label);
  }
}
