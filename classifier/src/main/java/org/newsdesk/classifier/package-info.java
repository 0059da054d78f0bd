/**
 * Topic classification of news articles on top of Apache OpenNLP (see {@code docs/TOPICS.md}).
 *
 * <p>{@link org.newsdesk.classifier.TopicClassifier#builtIn()} tags customs and trade news with
 * one of eight topics out of the box. To learn your own labels, a {@link
 * org.newsdesk.classifier.TopicTrainer} configured by an immutable {@link
 * org.newsdesk.classifier.TrainingConfig} turns {@link org.newsdesk.classifier.LabeledText}s (or
 * categorised {@code Article}s) into a {@link org.newsdesk.classifier.TopicClassifier}, which is
 * thread-safe, saves and loads itself with its {@link org.newsdesk.classifier.ModelProvenance},
 * and answers each text with a {@link org.newsdesk.classifier.Prediction}: every label's score,
 * best first. {@link org.newsdesk.classifier.Evaluation} measures a classifier on labelled data,
 * or a trainer by cross-validation.
 */
package org.newsdesk.classifier;
