/** Ground truth of generated data and the scores that compare results with it. */
package org.parcelnet.eval;
