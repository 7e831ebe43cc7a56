/**
 * Trained lead scorers: {@link org.parcelnet.learn.LeadVectors} (the scorecard's features and a FastRP
 * embedding of the party graph as rows), {@link org.parcelnet.learn.LeadModel} (a Tribuo classifier of
 * ring membership, saved with its provenance) and {@link org.parcelnet.learn.LearnedLeads} (scoring a
 * finished analysis). {@code LeadModel} and {@code LearnedLeads} need Tribuo
 * ({@code org.tribuo:tribuo-classification-sgd} and {@code tribuo-classification-tree}), an optional
 * dependency of the library: add them to use this package.
 */
package org.parcelnet.learn;
