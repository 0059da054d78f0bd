/**
 * Apache Spark integration for Newsdesk digests.
 *
 * <p>Spark is a {@code provided} dependency: the cluster supplies it. The module's
 * {@code -all} jar carries Newsdesk, OpenNLP and relocated copies of commons-lang3 and
 * commons-text for {@code spark-submit}.
 */
package org.newsdesk.spark;
