package org.newsdesk.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Single-linkage clustering of a stream of similar pairs in bounded memory.
 *
 * <p>A group's score is the weakest link of its maximum spanning tree: the highest threshold at
 * which the group would still be connected. Only maximum-spanning-forest edges matter for that, and
 * an edge left out of the forest of some of the edges is also left out of the forest of all of them
 * (cycle property), so the buffer is cut back to its forest (at most {@code n - 1} edges) whenever
 * it fills up. Memory is {@code O(n)} however many pairs there are, which matters when thousands of
 * near-identical articles produce millions of pairs.
 */
final class DupForest implements DupPairs.Sink {

  private static final Comparator<Edge> STRONGEST_FIRST =
      Comparator.comparingDouble(Edge::score)
          .reversed()
          .thenComparingInt(Edge::first)
          .thenComparingInt(Edge::second);

  private record Edge(int first, int second, double score) {}

  private final int size;
  private final int capacity;
  private List<Edge> edges = new ArrayList<>();

  /**
   * Creates an empty forest.
   *
   * @param size the number of items pairs refer to
   */
  DupForest(int size) {
    this(size, Math.max(1 << 16, 4 * size));
  }

  /**
   * Creates an empty forest that compacts its buffer at the given size.
   *
   * @param size the number of items pairs refer to
   * @param capacity buffered edges that trigger a compaction; at least {@code size}
   */
  DupForest(int size, int capacity) {
    this.size = size;
    this.capacity = capacity;
  }

  @Override
  public void accept(int first, int second, double score) {
    edges.add(new Edge(first, second, score));
    if (edges.size() >= capacity) {
      edges = spanningEdges();
    }
  }

  /**
   * Returns the groups of two or more items, each with its score.
   *
   * @return groups, members ascending, ordered by their first member
   */
  List<Group> groups() {
    int[] parent = new int[size];
    double[] score = new double[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
      score[i] = 1.0;
    }
    for (Edge edge : spanningEdges()) {
      int a = root(parent, edge.first());
      int b = root(parent, edge.second());
      // Keep the smaller index as root; edges come strongest first, so scores only decrease.
      parent[Math.max(a, b)] = Math.min(a, b);
      score[Math.min(a, b)] = Math.min(1.0, edge.score());
    }
    List<List<Integer>> members = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      members.add(null);
    }
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int r = root(parent, i);
      if (members.get(r) == null) {
        members.set(r, new ArrayList<>());
      }
      members.get(r).add(i);
    }
    for (int r = 0; r < size; r++) {
      if (members.get(r) != null && members.get(r).size() > 1) {
        groups.add(new Group(members.get(r), score[r]));
      }
    }
    return groups;
  }

  /**
   * A group of items.
   *
   * @param members item indexes, ascending
   * @param score the weakest link of the group's maximum spanning tree
   */
  record Group(List<Integer> members, double score) {}

  /** Kruskal: the edges, strongest first, that join two trees. */
  private List<Edge> spanningEdges() {
    edges.sort(STRONGEST_FIRST);
    int[] parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
    List<Edge> kept = new ArrayList<>();
    for (Edge edge : edges) {
      int a = root(parent, edge.first());
      int b = root(parent, edge.second());
      if (a != b) {
        parent[a] = b;
        kept.add(edge);
      }
    }
    return kept;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
