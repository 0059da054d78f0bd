/**
 * Topic classification of news articles on top of Apache OpenNLP (see {@code docs/TOPICS.md}).
 *
 * <p>{@link org.newsdesk.classifier.TopicClassifier#builtIn()} tags customs and trade news with
 * one of eight topics out of the box. To learn your own labels, a {@link
 * org.newsdesk.classifier.TopicTrainer} turns {@link org.newsdesk.classifier.LabeledText}s (or
 * categorised {@code Article}s) into a {@link org.newsdesk.classifier.TopicClassifier}: its
 * {@link org.newsdesk.classifier.FeaturePipeline} says how text becomes features, its {@link
 * org.newsdesk.classifier.Learner} (maximum entropy by default; GIS, perceptron or naive Bayes
 * through OpenNLP) fits the model, and a {@link org.newsdesk.classifier.TrainingListener} may watch.
 * Both settings have a one-line text form ({@code FeaturePipeline.parse}, {@code Learner.parse}).
 * A classifier is thread-safe, saves and loads itself with its {@link
 * org.newsdesk.classifier.ModelProvenance}, reads and wraps OpenNLP doccat models, serves as an
 * OpenNLP {@code DocumentCategorizer}, and answers each text with a {@link
 * org.newsdesk.classifier.Prediction}: every label's {@link org.newsdesk.classifier.LabelScore},
 * best first. A model file that cannot be read fails with a {@link
 * org.newsdesk.classifier.ModelLoadException}. {@link org.newsdesk.classifier.Evaluation}
 * measures a classifier on labelled data, or a trainer by cross-validation.
 */
package org.newsdesk.classifier;
