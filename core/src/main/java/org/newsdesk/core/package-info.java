/**
 * Reading and writing title-repeated-paragraph news digests (see {@code docs/FORMAT.md}).
 *
 * <p>{@link org.newsdesk.core.NewsReader} streams {@link org.newsdesk.core.Article}s from files,
 * directories ({@link org.newsdesk.core.NewsReader#digestFiles(java.nio.file.Path)} says which
 * files a directory contributes), standard input, streams, readers and strings as configured by a
 * {@link org.newsdesk.core.NewsFormat}, in time linear in the input; strict parsing throws
 * {@link org.newsdesk.core.NewsParseException}, lenient parsing reports
 * {@link org.newsdesk.core.Diagnostic}s. {@link org.newsdesk.core.NewsWriter} writes the
 * canonical form; files are replaced all or nothing through {@link org.newsdesk.core.AtomicFiles},
 * which other modules use for their files too. {@link org.newsdesk.core.DuplicateFinder} groups
 * repeated and near-repeated articles into {@link org.newsdesk.core.DuplicateGroup}s.
 * {@link org.newsdesk.core.RecordBoundary} lets a large digest be read in independent byte
 * ranges.
 */
package org.newsdesk.core;
