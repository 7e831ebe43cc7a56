/** Node embeddings on {@link org.parcelnet.graph.CompactGraph}: FastRP (very sparse random projection). */
package org.parcelnet.embed;
